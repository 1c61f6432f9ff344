"""The digital-government estate: systems, data-sharing links, open datasets, public services, the
steering committee, what tasks do to them, and the tasks that treat a risk; more risk categories.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 11:24:12.319398
"""

from typing import Literal

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 7


OLD_RISK_CATEGORIES = ('technical', 'financial', 'organisational', 'legal', 'security', 'schedule', 'other')
RISK_CATEGORIES = (*OLD_RISK_CATEGORIES[:-1], 'technology_dependence', 'data_location', 'people', 'other')
# The new tables whose records users edit, each with a version the edits compare.
VERSIONED = ('system', 'data_link', 'open_dataset', 'public_service', 'committee_member', 'task_effect')


_ESTATE_MEASURE = sa.Enum('full_process_service_share', 'national_portal_service_share', 'shared_hosting_share', 'security_plan_share', 'platform_connected_count', name='estate_measure', native_enum=False, create_constraint=True)


def _categories_check(categories: tuple[str, ...]) -> str:
    return "category IN (" + ", ".join(f"'{category}'" for category in categories) + ")"


def _recreate() -> Literal['always', 'auto']:
    # SQLite alters a table by copying it; PostgreSQL alters it in place (a copy would have to
    # drop the table that other tables' keys refer to).
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def upgrade() -> None:
    op.create_table('committee_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(), nullable=True),
    sa.Column('position', sa.String(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.Enum('head', 'deputy_head', 'standing_member', 'member', 'secretary', 'it_unit', name='committee_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('position_in_list', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_committee_member_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_member'))
    )
    with op.batch_alter_table('committee_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_member_unit_id'), ['unit_id'], unique=False)

    op.create_table('system',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('short_name', sa.String(), nullable=True),
    sa.Column('kind', sa.Enum('application', 'portal', 'platform', 'database', 'infrastructure', 'security', name='system_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('owner_unit_id', sa.Integer(), nullable=True),
    sa.Column('level', sa.Enum('national', 'ministry_province', 'department', name='government_level', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('hosting', sa.Enum('own_server_room', 'provincial_data_centre', 'government_cloud', 'commercial_cloud', name='hosting', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('hosted_on_id', sa.Integer(), nullable=True),
    sa.Column('security_level', sa.Integer(), nullable=True),
    sa.Column('security_plan_approved', sa.Boolean(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'building', 'running', 'retired', name='estate_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('description', sa.String(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('hosted_on_id IS NULL OR hosted_on_id <> id', name=op.f('ck_system_not_own_host')),
    sa.CheckConstraint('security_level IS NULL OR security_level BETWEEN 1 AND 5', name=op.f('ck_system_security_level_range')),
    sa.ForeignKeyConstraint(['hosted_on_id'], ['system.id'], name=op.f('fk_system_hosted_on_id_system'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['unit.id'], name=op.f('fk_system_owner_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_system')),
    sa.UniqueConstraint('code', name=op.f('uq_system_code'))
    )
    with op.batch_alter_table('system', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_system_hosted_on_id'), ['hosted_on_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_system_owner_unit_id'), ['owner_unit_id'], unique=False)

    op.create_table('data_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_system_id', sa.Integer(), nullable=False),
    sa.Column('to_system_id', sa.Integer(), nullable=False),
    sa.Column('via', sa.Enum('lgsp', 'ndxp', 'direct', name='data_link_via', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('data', sa.String(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'building', 'running', 'retired', name='estate_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('from_system_id <> to_system_id', name=op.f('ck_data_link_two_systems')),
    sa.ForeignKeyConstraint(['from_system_id'], ['system.id'], name=op.f('fk_data_link_from_system_id_system'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_system_id'], ['system.id'], name=op.f('fk_data_link_to_system_id_system'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_link'))
    )
    with op.batch_alter_table('data_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_link_from_system_id'), ['from_system_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_link_to_system_id'), ['to_system_id'], unique=False)

    op.create_table('open_dataset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('publisher_unit_id', sa.Integer(), nullable=True),
    sa.Column('system_id', sa.Integer(), nullable=True),
    sa.Column('published_at', sa.String(), nullable=True),
    sa.Column('data_format', sa.String(), nullable=True),
    sa.Column('update_frequency', sa.Enum('daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular', name='update_frequency', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('status', sa.Enum('planned', 'building', 'running', 'retired', name='estate_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['publisher_unit_id'], ['unit.id'], name=op.f('fk_open_dataset_publisher_unit_id_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['system_id'], ['system.id'], name=op.f('fk_open_dataset_system_id_system'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_open_dataset'))
    )
    with op.batch_alter_table('open_dataset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_open_dataset_publisher_unit_id'), ['publisher_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_open_dataset_system_id'), ['system_id'], unique=False)

    op.create_table('public_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('field', sa.String(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('system_id', sa.Integer(), nullable=True),
    sa.Column('level_old', sa.Integer(), nullable=True),
    sa.Column('level', sa.Enum('information', 'partial_online', 'full_process_online', name='service_level', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('on_national_portal', sa.Boolean(), nullable=False),
    sa.Column('online_payment', sa.Boolean(), nullable=False),
    sa.Column('online_share', sa.Float(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('level_old IS NULL OR level_old BETWEEN 1 AND 4', name=op.f('ck_public_service_level_old_range')),
    sa.CheckConstraint('online_share IS NULL OR (online_share >= 0 AND online_share <= 100)', name=op.f('ck_public_service_online_share_range')),
    sa.ForeignKeyConstraint(['system_id'], ['system.id'], name=op.f('fk_public_service_system_id_system'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_public_service_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_public_service')),
    sa.UniqueConstraint('code', 'unit_id', name=op.f('uq_public_service_code_unit_id'))
    )
    with op.batch_alter_table('public_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_public_service_system_id'), ['system_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_public_service_unit_id'), ['unit_id'], unique=False)

    op.create_table('task_effect',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('effect', sa.Enum('builds', 'changes', 'connects', 'retires', 'raises_level', name='effect_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('system_id', sa.Integer(), nullable=True),
    sa.Column('data_link_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('service_level', sa.Enum('information', 'partial_online', 'full_process_online', name='service_level', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("(effect = 'raises_level') = (service_level IS NOT NULL)", name=op.f('ck_task_effect_level_with_raise')),
    sa.CheckConstraint('(CASE WHEN system_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN data_link_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_task_effect_one_target')),
    sa.ForeignKeyConstraint(['data_link_id'], ['data_link.id'], name=op.f('fk_task_effect_data_link_id_data_link'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['public_service.id'], name=op.f('fk_task_effect_service_id_public_service'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['system_id'], ['system.id'], name=op.f('fk_task_effect_system_id_system'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_task_effect_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_effect'))
    )
    with op.batch_alter_table('task_effect', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_effect_data_link_id'), ['data_link_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_effect_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_effect_system_id'), ['system_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_effect_task_id'), ['task_id'], unique=False)

    op.create_table('risk_treatment',
    sa.Column('risk_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['risk_id'], ['risk.id'], name=op.f('fk_risk_treatment_risk_id_risk'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_risk_treatment_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('risk_id', 'task_id', name=op.f('pk_risk_treatment'))
    )
    with op.batch_alter_table('risk_treatment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_treatment_task_id'), ['task_id'], unique=False)

    # recreate: SQLite's ADD COLUMN cannot add the CHECK of an enumeration.
    with op.batch_alter_table('indicator', schema=None, recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column('estate_measure', _ESTATE_MEASURE, nullable=True))

    # The new categories are longer than the column was, and outside its CHECK.
    with op.batch_alter_table('risk', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('ck_risk_risk_category'), type_='check')
        batch_op.alter_column('category', existing_type=sa.VARCHAR(length=14), type_=sa.VARCHAR(length=21), existing_nullable=False)
        batch_op.create_check_constraint(op.f('ck_risk_risk_category'), _categories_check(RISK_CATEGORIES))

    if op.get_bind().dialect.name == 'postgresql':
        for table in VERSIONED:
            # As revision 0006 does for the tables it versioned: a change that leaves the version
            # as it was (psql) moves it on.
            op.execute(
                f'CREATE TRIGGER {table}_version_forward BEFORE UPDATE ON "{table}" FOR EACH ROW '
                'WHEN (NEW.version = OLD.version) EXECUTE FUNCTION dxplanner_version_forward()'
            )

    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    # The older schema knows fewer categories: a risk of a new one becomes "other".
    op.execute(
        "UPDATE risk SET category = 'other' WHERE category NOT IN ("
        + ", ".join(f"'{category}'" for category in OLD_RISK_CATEGORIES)
        + ")"
    )
    with op.batch_alter_table('risk', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('ck_risk_risk_category'), type_='check')
        batch_op.alter_column('category', existing_type=sa.VARCHAR(length=21), type_=sa.VARCHAR(length=14), existing_nullable=False)
        batch_op.create_check_constraint(op.f('ck_risk_risk_category'), _categories_check(OLD_RISK_CATEGORIES))

    with op.batch_alter_table('indicator', schema=None, recreate=_recreate()) as batch_op:
        batch_op.drop_constraint(op.f('ck_indicator_estate_measure'), type_='check')
        batch_op.drop_column('estate_measure')

    with op.batch_alter_table('risk_treatment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_treatment_task_id'))

    op.drop_table('risk_treatment')
    with op.batch_alter_table('task_effect', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_effect_task_id'))
        batch_op.drop_index(batch_op.f('ix_task_effect_system_id'))
        batch_op.drop_index(batch_op.f('ix_task_effect_service_id'))
        batch_op.drop_index(batch_op.f('ix_task_effect_data_link_id'))

    op.drop_table('task_effect')
    with op.batch_alter_table('public_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_public_service_unit_id'))
        batch_op.drop_index(batch_op.f('ix_public_service_system_id'))

    op.drop_table('public_service')
    with op.batch_alter_table('open_dataset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_open_dataset_system_id'))
        batch_op.drop_index(batch_op.f('ix_open_dataset_publisher_unit_id'))

    op.drop_table('open_dataset')
    with op.batch_alter_table('data_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_link_to_system_id'))
        batch_op.drop_index(batch_op.f('ix_data_link_from_system_id'))

    op.drop_table('data_link')
    with op.batch_alter_table('system', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_system_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_system_hosted_on_id'))

    op.drop_table('system')
    with op.batch_alter_table('committee_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_member_unit_id'))

    op.drop_table('committee_member')
    _set_schema_version(SCHEMA_VERSION - 1)
