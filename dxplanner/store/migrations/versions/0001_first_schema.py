"""The first schema: units, plans, strategies, goals, indicators, tasks and what hangs on them.

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 00:57:47.579534
"""

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# The schema version this revision brings the file to (PRAGMA user_version).
SCHEMA_VERSION = 1


def _set_schema_version(version: int) -> None:
    # The header field dxplanner reads to tell older and newer files apart.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {version}")


def _risk_has_one_owner() -> str:
    # SQLite adds truth values as numbers; PostgreSQL counts the owners given with num_nonnulls.
    if op.get_bind().dialect.name == 'sqlite':
        return '(strategy_id IS NOT NULL) + (plan_id IS NOT NULL) + (task_id IS NOT NULL) = 1'
    return 'num_nonnulls(strategy_id, plan_id, task_id) = 1'


def upgrade() -> None:
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('short_name', sa.String(), nullable=True),
    sa.Column('kind', sa.Enum('government', 'ministry', 'agency', 'province', 'department', 'division', 'district', 'commune', 'enterprise', 'other', name='unit_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_unit_not_own_parent')),
    sa.ForeignKeyConstraint(['parent_id'], ['unit.id'], name=op.f('fk_unit_parent_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('code', name=op.f('uq_unit_code'))
    )
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_parent_id'), ['parent_id'], unique=False)

    op.create_table('socio_economic_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_year >= start_year', name=op.f('ck_socio_economic_plan_year_order')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_socio_economic_plan_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_socio_economic_plan'))
    )
    with op.batch_alter_table('socio_economic_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_socio_economic_plan_unit_id'), ['unit_id'], unique=False)

    op.create_table('strategy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.Column('vision_year', sa.Integer(), nullable=True),
    sa.Column('vision', sa.String(), nullable=True),
    sa.Column('decision_no', sa.String(), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'approved', 'in_progress', 'completed', 'superseded', name='strategy_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('sedp_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('end_year >= start_year', name=op.f('ck_strategy_year_order')),
    sa.CheckConstraint('vision_year IS NULL OR vision_year >= end_year', name=op.f('ck_strategy_vision_after_end')),
    sa.ForeignKeyConstraint(['sedp_id'], ['socio_economic_plan.id'], name=op.f('fk_strategy_sedp_id_socio_economic_plan'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_strategy_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy'))
    )
    with op.batch_alter_table('strategy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategy_sedp_id'), ['sedp_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_strategy_unit_id'), ['unit_id'], unique=False)

    op.create_table('action_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('strategy_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('decision_no', sa.String(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'approved', 'in_progress', 'completed', 'cancelled', name='plan_status', native_enum=False, create_constraint=True), nullable=False),
    sa.CheckConstraint('"end" >= start', name=op.f('ck_action_plan_date_order')),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategy.id'], name=op.f('fk_action_plan_strategy_id_strategy'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_action_plan_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plan'))
    )
    with op.batch_alter_table('action_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_plan_strategy_id'), ['strategy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_plan_unit_id'), ['unit_id'], unique=False)

    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('strategy_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('pillar', sa.Enum('digital_government', 'digital_economy', 'digital_society', name='pillar', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('area', sa.Enum('architecture', 'infrastructure', 'platforms', 'data', 'online_services', 'applications', 'organisation', 'human_resources', 'security', 'other', name='area', native_enum=False, create_constraint=True), nullable=False),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_goal_not_own_parent')),
    sa.ForeignKeyConstraint(['parent_id'], ['goal.id'], name=op.f('fk_goal_parent_id_goal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategy.id'], name=op.f('fk_goal_strategy_id_strategy'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal')),
    sa.UniqueConstraint('strategy_id', 'code', name=op.f('uq_goal_strategy_id_code'))
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_strategy_id'), ['strategy_id'], unique=False)

    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('sedp_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('measure_unit', sa.String(), nullable=False),
    sa.Column('direction', sa.Enum('increase', 'decrease', name='direction', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('baseline_value', sa.Float(), nullable=True),
    sa.Column('baseline_year', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(), nullable=True),
    sa.Column('sedp_indicator_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(goal_id IS NULL) <> (sedp_id IS NULL)', name=op.f('ck_indicator_one_owner')),
    sa.CheckConstraint('sedp_indicator_id IS NULL OR sedp_indicator_id <> id', name=op.f('ck_indicator_not_own_sedp_indicator')),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_indicator_goal_id_goal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sedp_id'], ['socio_economic_plan.id'], name=op.f('fk_indicator_sedp_id_socio_economic_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sedp_indicator_id'], ['indicator.id'], name=op.f('fk_indicator_sedp_indicator_id_indicator'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_sedp_id'), ['sedp_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_sedp_indicator_id'), ['sedp_indicator_id'], unique=False)

    op.create_table('task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.Enum('group', 'task', 'project', 'milestone', name='task_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('lead_unit_id', sa.Integer(), nullable=True),
    sa.Column('product', sa.String(), nullable=True),
    sa.Column('timeline_text', sa.String(), nullable=True),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('baseline_start', sa.Date(), nullable=True),
    sa.Column('baseline_end', sa.Date(), nullable=True),
    sa.Column('actual_start', sa.Date(), nullable=True),
    sa.Column('actual_end', sa.Date(), nullable=True),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'completed', 'suspended', 'cancelled', name='task_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('priority', sa.Enum('low', 'normal', 'high', name='priority', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('actual_start IS NULL OR actual_end IS NULL OR actual_end >= actual_start', name=op.f('ck_task_actual_date_order')),
    sa.CheckConstraint('baseline_start IS NULL OR baseline_end IS NULL OR baseline_end >= baseline_start', name=op.f('ck_task_baseline_date_order')),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_task_not_own_parent')),
    sa.CheckConstraint('planned_start IS NULL OR planned_end IS NULL OR planned_end >= planned_start', name=op.f('ck_task_planned_date_order')),
    sa.CheckConstraint('progress >= 0 AND progress <= 100', name=op.f('ck_task_progress_range')),
    sa.ForeignKeyConstraint(['lead_unit_id'], ['unit.id'], name=op.f('fk_task_lead_unit_id_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['parent_id'], ['task.id'], name=op.f('fk_task_parent_id_task'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plan.id'], name=op.f('fk_task_plan_id_action_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_lead_unit_id'), ['lead_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('ix_task_plan_parent_position', ['plan_id', 'parent_id', 'position'], unique=False)

    op.create_table('budget_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Enum('central_budget', 'local_budget', 'oda', 'enterprise', 'other', name='funding_source', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('planned', sa.BigInteger(), nullable=False),
    sa.Column('allocated', sa.BigInteger(), nullable=False),
    sa.Column('disbursed', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('planned >= 0 AND allocated >= 0 AND disbursed >= 0', name=op.f('ck_budget_line_not_negative')),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_budget_line_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line')),
    sa.UniqueConstraint('task_id', 'source', 'year', name=op.f('uq_budget_line_task_id_source_year'))
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_task_id'), ['task_id'], unique=False)

    op.create_table('dependency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('predecessor_id', sa.Integer(), nullable=False),
    sa.Column('successor_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.Enum('FS', 'SS', 'FF', 'SF', name='dependency_type', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('lag_days', sa.Integer(), nullable=False),
    sa.CheckConstraint('predecessor_id <> successor_id', name=op.f('ck_dependency_not_self')),
    sa.ForeignKeyConstraint(['predecessor_id'], ['task.id'], name=op.f('fk_dependency_predecessor_id_task'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['successor_id'], ['task.id'], name=op.f('fk_dependency_successor_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dependency')),
    sa.UniqueConstraint('predecessor_id', 'successor_id', name=op.f('uq_dependency_predecessor_id_successor_id'))
    )
    with op.batch_alter_table('dependency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dependency_predecessor_id'), ['predecessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dependency_successor_id'), ['successor_id'], unique=False)

    op.create_table('indicator_target',
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_indicator_target_indicator_id_indicator'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('indicator_id', 'year', name=op.f('pk_indicator_target'))
    )
    op.create_table('indicator_value',
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('source', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_indicator_value_indicator_id_indicator'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('indicator_id', 'as_of', name=op.f('pk_indicator_value'))
    )
    op.create_table('progress_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'completed', 'suspended', 'cancelled', name='task_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('remark', sa.String(), nullable=True),
    sa.Column('author', sa.String(), nullable=True),
    sa.CheckConstraint('progress >= 0 AND progress <= 100', name=op.f('ck_progress_report_progress_range')),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_progress_report_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_report'))
    )
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_report_task_id'), ['task_id'], unique=False)

    op.create_table('risk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('strategy_id', sa.Integer(), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('category', sa.Enum('technical', 'financial', 'organisational', 'legal', 'security', 'schedule', 'other', name='risk_category', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('likelihood', sa.Integer(), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=False),
    sa.Column('mitigation', sa.String(), nullable=True),
    sa.Column('owner_unit_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('open', 'mitigating', 'closed', name='risk_status', native_enum=False, create_constraint=True), nullable=False),
    sa.CheckConstraint(_risk_has_one_owner(), name=op.f('ck_risk_one_owner')),
    sa.CheckConstraint('impact BETWEEN 1 AND 5', name=op.f('ck_risk_impact_range')),
    sa.CheckConstraint('likelihood BETWEEN 1 AND 5', name=op.f('ck_risk_likelihood_range')),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['unit.id'], name=op.f('fk_risk_owner_unit_id_unit'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plan.id'], name=op.f('fk_risk_plan_id_action_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategy.id'], name=op.f('fk_risk_strategy_id_strategy'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_risk_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk'))
    )
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_owner_unit_id'), ['owner_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_strategy_id'), ['strategy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_task_id'), ['task_id'], unique=False)

    op.create_table('staff_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('person_months', sa.Float(), nullable=False),
    sa.CheckConstraint('person_months >= 0', name=op.f('ck_staff_line_not_negative')),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_staff_line_task_id_task'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_staff_line_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_line')),
    sa.UniqueConstraint('task_id', 'unit_id', name=op.f('uq_staff_line_task_id_unit_id'))
    )
    with op.batch_alter_table('staff_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_line_task_id'), ['task_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_line_unit_id'), ['unit_id'], unique=False)

    op.create_table('task_goal',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_task_goal_goal_id_goal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_task_goal_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'goal_id', name=op.f('pk_task_goal'))
    )
    with op.batch_alter_table('task_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_goal_goal_id'), ['goal_id'], unique=False)

    op.create_table('task_unit',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('cooperating', name='unit_role', native_enum=False, create_constraint=True), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_task_unit_task_id_task'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_task_unit_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('task_id', 'unit_id', name=op.f('pk_task_unit'))
    )
    with op.batch_alter_table('task_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_unit_unit_id'), ['unit_id'], unique=False)


    _set_schema_version(SCHEMA_VERSION)


def downgrade() -> None:
    with op.batch_alter_table('task_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_unit_unit_id'))

    op.drop_table('task_unit')
    with op.batch_alter_table('task_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_goal_goal_id'))

    op.drop_table('task_goal')
    with op.batch_alter_table('staff_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_line_unit_id'))
        batch_op.drop_index(batch_op.f('ix_staff_line_task_id'))

    op.drop_table('staff_line')
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_task_id'))
        batch_op.drop_index(batch_op.f('ix_risk_strategy_id'))
        batch_op.drop_index(batch_op.f('ix_risk_plan_id'))
        batch_op.drop_index(batch_op.f('ix_risk_owner_unit_id'))

    op.drop_table('risk')
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_report_task_id'))

    op.drop_table('progress_report')
    op.drop_table('indicator_value')
    op.drop_table('indicator_target')
    with op.batch_alter_table('dependency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dependency_successor_id'))
        batch_op.drop_index(batch_op.f('ix_dependency_predecessor_id'))

    op.drop_table('dependency')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_task_id'))

    op.drop_table('budget_line')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index('ix_task_plan_parent_position')
        batch_op.drop_index(batch_op.f('ix_task_plan_id'))
        batch_op.drop_index(batch_op.f('ix_task_parent_id'))
        batch_op.drop_index(batch_op.f('ix_task_lead_unit_id'))

    op.drop_table('task')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_sedp_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_sedp_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_goal_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_strategy_id'))
        batch_op.drop_index(batch_op.f('ix_goal_parent_id'))

    op.drop_table('goal')
    with op.batch_alter_table('action_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_plan_unit_id'))
        batch_op.drop_index(batch_op.f('ix_action_plan_strategy_id'))

    op.drop_table('action_plan')
    with op.batch_alter_table('strategy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategy_unit_id'))
        batch_op.drop_index(batch_op.f('ix_strategy_sedp_id'))

    op.drop_table('strategy')
    with op.batch_alter_table('socio_economic_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_socio_economic_plan_unit_id'))

    op.drop_table('socio_economic_plan')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_parent_id'))

    op.drop_table('unit')
    _set_schema_version(SCHEMA_VERSION - 1)
