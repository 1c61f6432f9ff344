-- revision 0009
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE unit (
	id INTEGER NOT NULL, 
	code VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	short_name VARCHAR, 
	kind VARCHAR(10) NOT NULL, 
	parent_id INTEGER, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_unit PRIMARY KEY (id), 
	CONSTRAINT ck_unit_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id), 
	CONSTRAINT fk_unit_parent_id_unit FOREIGN KEY(parent_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_unit_code UNIQUE (code), 
	CONSTRAINT ck_unit_unit_kind CHECK (kind IN ('government', 'ministry', 'agency', 'province', 'department', 'division', 'district', 'commune', 'enterprise', 'other'))
);
CREATE TABLE socio_economic_plan (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	unit_id INTEGER NOT NULL, 
	start_year INTEGER NOT NULL, 
	end_year INTEGER NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_socio_economic_plan PRIMARY KEY (id), 
	CONSTRAINT ck_socio_economic_plan_year_order CHECK (end_year >= start_year), 
	CONSTRAINT fk_socio_economic_plan_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT
);
CREATE TABLE strategy (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	unit_id INTEGER NOT NULL, 
	start_year INTEGER NOT NULL, 
	end_year INTEGER NOT NULL, 
	vision_year INTEGER, 
	vision VARCHAR, 
	decision_no VARCHAR, 
	decision_date DATE, 
	status VARCHAR(11) NOT NULL, 
	sedp_id INTEGER, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_strategy PRIMARY KEY (id), 
	CONSTRAINT ck_strategy_year_order CHECK (end_year >= start_year), 
	CONSTRAINT ck_strategy_vision_after_end CHECK (vision_year IS NULL OR vision_year >= end_year), 
	CONSTRAINT fk_strategy_sedp_id_socio_economic_plan FOREIGN KEY(sedp_id) REFERENCES socio_economic_plan (id) ON DELETE SET NULL, 
	CONSTRAINT fk_strategy_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT ck_strategy_strategy_status CHECK (status IN ('draft', 'approved', 'in_progress', 'completed', 'superseded'))
);
CREATE TABLE goal (
	id INTEGER NOT NULL, 
	strategy_id INTEGER NOT NULL, 
	parent_id INTEGER, 
	position INTEGER NOT NULL, 
	code VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	pillar VARCHAR(18) NOT NULL, 
	area VARCHAR(15) NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_goal PRIMARY KEY (id), 
	CONSTRAINT ck_goal_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id), 
	CONSTRAINT fk_goal_parent_id_goal FOREIGN KEY(parent_id) REFERENCES goal (id) ON DELETE CASCADE, 
	CONSTRAINT fk_goal_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE, 
	CONSTRAINT uq_goal_strategy_id_code UNIQUE (strategy_id, code), 
	CONSTRAINT ck_goal_pillar CHECK (pillar IN ('digital_government', 'digital_economy', 'digital_society')), 
	CONSTRAINT ck_goal_area CHECK (area IN ('architecture', 'infrastructure', 'platforms', 'data', 'online_services', 'applications', 'organisation', 'human_resources', 'security', 'other'))
);
CREATE TABLE task (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	parent_id INTEGER, 
	position INTEGER NOT NULL, 
	code VARCHAR, 
	name VARCHAR NOT NULL, 
	kind VARCHAR(9) NOT NULL, 
	lead_unit_id INTEGER, 
	product VARCHAR, 
	timeline_text VARCHAR, 
	planned_start DATE, 
	planned_end DATE, 
	baseline_start DATE, 
	baseline_end DATE, 
	actual_start DATE, 
	actual_end DATE, 
	progress FLOAT NOT NULL, 
	status VARCHAR(11) NOT NULL, 
	priority VARCHAR(6) NOT NULL, 
	notes VARCHAR, 
	version INTEGER NOT NULL, responsible_person VARCHAR, 
	CONSTRAINT pk_task PRIMARY KEY (id), 
	CONSTRAINT ck_task_actual_date_order CHECK (actual_start IS NULL OR actual_end IS NULL OR actual_end >= actual_start), 
	CONSTRAINT ck_task_baseline_date_order CHECK (baseline_start IS NULL OR baseline_end IS NULL OR baseline_end >= baseline_start), 
	CONSTRAINT ck_task_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id), 
	CONSTRAINT ck_task_planned_date_order CHECK (planned_start IS NULL OR planned_end IS NULL OR planned_end >= planned_start), 
	CONSTRAINT ck_task_progress_range CHECK (progress >= 0 AND progress <= 100), 
	CONSTRAINT fk_task_lead_unit_id_unit FOREIGN KEY(lead_unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_task_parent_id_task FOREIGN KEY(parent_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_plan_id_action_plan FOREIGN KEY(plan_id) REFERENCES action_plan (id) ON DELETE CASCADE, 
	CONSTRAINT ck_task_task_kind CHECK (kind IN ('group', 'task', 'project', 'milestone')), 
	CONSTRAINT ck_task_task_status CHECK (status IN ('not_started', 'in_progress', 'completed', 'suspended', 'cancelled')), 
	CONSTRAINT ck_task_priority CHECK (priority IN ('low', 'normal', 'high'))
);
CREATE TABLE budget_line (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	source VARCHAR(14) NOT NULL, 
	year INTEGER NOT NULL, 
	planned BIGINT NOT NULL, 
	allocated BIGINT NOT NULL, 
	disbursed BIGINT NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_budget_line PRIMARY KEY (id), 
	CONSTRAINT ck_budget_line_not_negative CHECK (planned >= 0 AND allocated >= 0 AND disbursed >= 0), 
	CONSTRAINT fk_budget_line_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT uq_budget_line_task_id_source_year UNIQUE (task_id, source, year), 
	CONSTRAINT ck_budget_line_funding_source CHECK (source IN ('central_budget', 'local_budget', 'oda', 'enterprise', 'other'))
);
CREATE TABLE dependency (
	id INTEGER NOT NULL, 
	predecessor_id INTEGER NOT NULL, 
	successor_id INTEGER NOT NULL, 
	type VARCHAR(2) NOT NULL, 
	lag_days INTEGER NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_dependency PRIMARY KEY (id), 
	CONSTRAINT ck_dependency_not_self CHECK (predecessor_id <> successor_id), 
	CONSTRAINT fk_dependency_predecessor_id_task FOREIGN KEY(predecessor_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT fk_dependency_successor_id_task FOREIGN KEY(successor_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT uq_dependency_predecessor_id_successor_id UNIQUE (predecessor_id, successor_id), 
	CONSTRAINT ck_dependency_dependency_type CHECK (type IN ('FS', 'SS', 'FF', 'SF'))
);
CREATE TABLE indicator_value (
	indicator_id INTEGER NOT NULL, 
	as_of DATE NOT NULL, 
	value FLOAT NOT NULL, 
	source VARCHAR, 
	CONSTRAINT pk_indicator_value PRIMARY KEY (indicator_id, as_of), 
	CONSTRAINT fk_indicator_value_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE
);
CREATE TABLE progress_report (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	as_of DATE NOT NULL, 
	progress FLOAT NOT NULL, 
	status VARCHAR(11) NOT NULL, 
	remark VARCHAR, 
	author VARCHAR, version INTEGER DEFAULT '1' NOT NULL, difficulty VARCHAR, proposal VARCHAR, 
	CONSTRAINT pk_progress_report PRIMARY KEY (id), 
	CONSTRAINT ck_progress_report_progress_range CHECK (progress >= 0 AND progress <= 100), 
	CONSTRAINT fk_progress_report_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT ck_progress_report_task_status CHECK (status IN ('not_started', 'in_progress', 'completed', 'suspended', 'cancelled'))
);
CREATE TABLE staff_line (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	person_months FLOAT NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_staff_line PRIMARY KEY (id), 
	CONSTRAINT ck_staff_line_not_negative CHECK (person_months >= 0), 
	CONSTRAINT fk_staff_line_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT fk_staff_line_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_staff_line_task_id_unit_id UNIQUE (task_id, unit_id)
);
CREATE TABLE task_goal (
	task_id INTEGER NOT NULL, 
	goal_id INTEGER NOT NULL, 
	CONSTRAINT pk_task_goal PRIMARY KEY (task_id, goal_id), 
	CONSTRAINT fk_task_goal_goal_id_goal FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_goal_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE
);
CREATE TABLE task_unit (
	task_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	role VARCHAR(11) NOT NULL, 
	CONSTRAINT pk_task_unit PRIMARY KEY (task_id, unit_id), 
	CONSTRAINT fk_task_unit_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_unit_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT ck_task_unit_unit_role CHECK (role IN ('cooperating'))
);
CREATE TABLE plan_day_off (
	plan_id INTEGER NOT NULL, 
	day DATE NOT NULL, 
	note VARCHAR, 
	CONSTRAINT pk_plan_day_off PRIMARY KEY (plan_id, day), 
	CONSTRAINT fk_plan_day_off_plan_id_action_plan FOREIGN KEY(plan_id) REFERENCES action_plan (id) ON DELETE CASCADE
);
CREATE TABLE "action_plan" (
	id INTEGER NOT NULL, 
	strategy_id INTEGER, 
	unit_id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	start DATE NOT NULL, 
	"end" DATE NOT NULL, 
	decision_no VARCHAR, 
	status VARCHAR(11) NOT NULL, 
	progress_weight VARCHAR(8) DEFAULT 'duration' NOT NULL, version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_action_plan PRIMARY KEY (id), 
	CONSTRAINT fk_action_plan_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE RESTRICT, 
	CONSTRAINT ck_action_plan_date_order CHECK ("end" >= start), 
	CONSTRAINT ck_action_plan_plan_status CHECK (status IN ('draft', 'approved', 'in_progress', 'completed', 'cancelled')), 
	CONSTRAINT fk_action_plan_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT ck_action_plan_progress_weight CHECK (progress_weight IN ('duration', 'budget'))
);
CREATE TABLE "indicator_target" (
	indicator_id INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	value FLOAT, 
	scope VARCHAR DEFAULT ('') NOT NULL, 
	comparison VARCHAR(2), 
	text VARCHAR, 
	upper FLOAT, 
	CONSTRAINT pk_indicator_target PRIMARY KEY (indicator_id, year, scope), 
	CONSTRAINT ck_indicator_target_says_something CHECK (value IS NOT NULL OR text IS NOT NULL), 
	CONSTRAINT fk_indicator_target_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE CASCADE, 
	CONSTRAINT ck_indicator_target_comparison CHECK (comparison IN ('>=', '<=', '>', '<', '=')), 
	CONSTRAINT ck_indicator_target_range_in_order CHECK (upper IS NULL OR (value IS NOT NULL AND comparison IS NULL AND upper >= value))
);
CREATE TABLE login_unit (
	login VARCHAR NOT NULL, 
	unit_id INTEGER NOT NULL, 
	CONSTRAINT pk_login_unit PRIMARY KEY (login), 
	CONSTRAINT fk_login_unit_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE
);
CREATE TABLE committee_member (
	id INTEGER NOT NULL, 
	person VARCHAR, 
	position VARCHAR, 
	unit_id INTEGER, 
	role VARCHAR(15) NOT NULL, 
	position_in_list INTEGER NOT NULL, 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_committee_member PRIMARY KEY (id), 
	CONSTRAINT fk_committee_member_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT ck_committee_member_committee_role CHECK (role IN ('head', 'deputy_head', 'standing_member', 'member', 'secretary', 'it_unit'))
);
CREATE TABLE system (
	id INTEGER NOT NULL, 
	code VARCHAR, 
	name VARCHAR NOT NULL, 
	short_name VARCHAR, 
	kind VARCHAR(14) NOT NULL, 
	owner_unit_id INTEGER, 
	level VARCHAR(17) NOT NULL, 
	hosting VARCHAR(22), 
	hosted_on_id INTEGER, 
	security_level INTEGER, 
	security_plan_approved BOOLEAN NOT NULL, 
	status VARCHAR(8) NOT NULL, 
	description VARCHAR, 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_system PRIMARY KEY (id), 
	CONSTRAINT ck_system_not_own_host CHECK (hosted_on_id IS NULL OR hosted_on_id <> id), 
	CONSTRAINT ck_system_security_level_range CHECK (security_level IS NULL OR security_level BETWEEN 1 AND 5), 
	CONSTRAINT fk_system_hosted_on_id_system FOREIGN KEY(hosted_on_id) REFERENCES system (id) ON DELETE SET NULL, 
	CONSTRAINT fk_system_owner_unit_id_unit FOREIGN KEY(owner_unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_system_code UNIQUE (code), 
	CONSTRAINT ck_system_system_kind CHECK (kind IN ('application', 'portal', 'platform', 'database', 'infrastructure', 'security')), 
	CONSTRAINT ck_system_government_level CHECK (level IN ('national', 'ministry_province', 'department')), 
	CONSTRAINT ck_system_hosting CHECK (hosting IN ('own_server_room', 'provincial_data_centre', 'government_cloud', 'commercial_cloud')), 
	CONSTRAINT ck_system_estate_status CHECK (status IN ('planned', 'building', 'running', 'retired'))
);
CREATE TABLE data_link (
	id INTEGER NOT NULL, 
	from_system_id INTEGER NOT NULL, 
	to_system_id INTEGER NOT NULL, 
	via VARCHAR(6) NOT NULL, 
	data VARCHAR, 
	status VARCHAR(8) NOT NULL, 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_data_link PRIMARY KEY (id), 
	CONSTRAINT ck_data_link_two_systems CHECK (from_system_id <> to_system_id), 
	CONSTRAINT fk_data_link_from_system_id_system FOREIGN KEY(from_system_id) REFERENCES system (id) ON DELETE CASCADE, 
	CONSTRAINT fk_data_link_to_system_id_system FOREIGN KEY(to_system_id) REFERENCES system (id) ON DELETE CASCADE, 
	CONSTRAINT ck_data_link_data_link_via CHECK (via IN ('lgsp', 'ndxp', 'direct')), 
	CONSTRAINT ck_data_link_estate_status CHECK (status IN ('planned', 'building', 'running', 'retired'))
);
CREATE TABLE open_dataset (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	publisher_unit_id INTEGER, 
	system_id INTEGER, 
	published_at VARCHAR, 
	data_format VARCHAR, 
	update_frequency VARCHAR(9), 
	status VARCHAR(8) NOT NULL, 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_open_dataset PRIMARY KEY (id), 
	CONSTRAINT fk_open_dataset_publisher_unit_id_unit FOREIGN KEY(publisher_unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_open_dataset_system_id_system FOREIGN KEY(system_id) REFERENCES system (id) ON DELETE SET NULL, 
	CONSTRAINT ck_open_dataset_update_frequency CHECK (update_frequency IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular')), 
	CONSTRAINT ck_open_dataset_estate_status CHECK (status IN ('planned', 'building', 'running', 'retired'))
);
CREATE TABLE public_service (
	id INTEGER NOT NULL, 
	code VARCHAR, 
	name VARCHAR NOT NULL, 
	field VARCHAR, 
	unit_id INTEGER, 
	system_id INTEGER, 
	level_old INTEGER, 
	level VARCHAR(19), 
	on_national_portal BOOLEAN NOT NULL, 
	online_payment BOOLEAN NOT NULL, 
	online_share FLOAT, 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_public_service PRIMARY KEY (id), 
	CONSTRAINT ck_public_service_level_old_range CHECK (level_old IS NULL OR level_old BETWEEN 1 AND 4), 
	CONSTRAINT ck_public_service_online_share_range CHECK (online_share IS NULL OR (online_share >= 0 AND online_share <= 100)), 
	CONSTRAINT fk_public_service_system_id_system FOREIGN KEY(system_id) REFERENCES system (id) ON DELETE SET NULL, 
	CONSTRAINT fk_public_service_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_public_service_code_unit_id UNIQUE (code, unit_id), 
	CONSTRAINT ck_public_service_service_level CHECK (level IN ('information', 'partial_online', 'full_process_online'))
);
CREATE TABLE task_effect (
	id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	effect VARCHAR(12) NOT NULL, 
	system_id INTEGER, 
	data_link_id INTEGER, 
	service_id INTEGER, 
	service_level VARCHAR(19), 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_task_effect PRIMARY KEY (id), 
	CONSTRAINT ck_task_effect_level_with_raise CHECK ((effect = 'raises_level') = (service_level IS NOT NULL)), 
	CONSTRAINT ck_task_effect_one_target CHECK ((CASE WHEN system_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN data_link_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN service_id IS NULL THEN 0 ELSE 1 END) = 1), 
	CONSTRAINT fk_task_effect_data_link_id_data_link FOREIGN KEY(data_link_id) REFERENCES data_link (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_effect_service_id_public_service FOREIGN KEY(service_id) REFERENCES public_service (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_effect_system_id_system FOREIGN KEY(system_id) REFERENCES system (id) ON DELETE CASCADE, 
	CONSTRAINT fk_task_effect_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT ck_task_effect_effect_kind CHECK (effect IN ('builds', 'changes', 'connects', 'retires', 'raises_level')), 
	CONSTRAINT ck_task_effect_service_level CHECK (service_level IN ('information', 'partial_online', 'full_process_online'))
);
CREATE TABLE risk_treatment (
	risk_id INTEGER NOT NULL, 
	task_id INTEGER NOT NULL, 
	CONSTRAINT pk_risk_treatment PRIMARY KEY (risk_id, task_id), 
	CONSTRAINT fk_risk_treatment_risk_id_risk FOREIGN KEY(risk_id) REFERENCES risk (id) ON DELETE CASCADE, 
	CONSTRAINT fk_risk_treatment_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE
);
CREATE TABLE "indicator" (
	id INTEGER NOT NULL, 
	goal_id INTEGER, 
	sedp_id INTEGER, 
	code VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	measure_unit VARCHAR NOT NULL, 
	direction VARCHAR(8) NOT NULL, 
	baseline_value FLOAT, 
	baseline_year INTEGER, 
	source VARCHAR, 
	sedp_indicator_id INTEGER, 
	lead_unit_id INTEGER, 
	version INTEGER DEFAULT '1' NOT NULL, 
	estate_measure VARCHAR(29), 
	CONSTRAINT pk_indicator PRIMARY KEY (id), 
	CONSTRAINT ck_indicator_direction CHECK (direction IN ('increase', 'decrease')), 
	CONSTRAINT fk_indicator_lead_unit_id_unit FOREIGN KEY(lead_unit_id) REFERENCES unit (id) ON DELETE SET NULL, 
	CONSTRAINT fk_indicator_sedp_indicator_id_indicator FOREIGN KEY(sedp_indicator_id) REFERENCES indicator (id) ON DELETE SET NULL, 
	CONSTRAINT fk_indicator_goal_id_goal FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE, 
	CONSTRAINT ck_indicator_one_owner CHECK ((goal_id IS NULL) <> (sedp_id IS NULL)), 
	CONSTRAINT fk_indicator_sedp_id_socio_economic_plan FOREIGN KEY(sedp_id) REFERENCES socio_economic_plan (id) ON DELETE CASCADE, 
	CONSTRAINT ck_indicator_not_own_sedp_indicator CHECK (sedp_indicator_id IS NULL OR sedp_indicator_id <> id), 
	CONSTRAINT ck_indicator_estate_measure CHECK (estate_measure IN ('full_process_service_share', 'national_portal_service_share', 'shared_hosting_share', 'security_plan_share', 'platform_connected_count'))
);
CREATE TABLE "risk" (
	id INTEGER NOT NULL, 
	strategy_id INTEGER, 
	plan_id INTEGER, 
	task_id INTEGER, 
	text VARCHAR NOT NULL, 
	category VARCHAR(21) NOT NULL, 
	likelihood INTEGER NOT NULL, 
	impact INTEGER NOT NULL, 
	mitigation VARCHAR, 
	owner_unit_id INTEGER, 
	status VARCHAR(10) NOT NULL, 
	version INTEGER DEFAULT '1' NOT NULL, 
	CONSTRAINT pk_risk PRIMARY KEY (id), 
	CONSTRAINT fk_risk_strategy_id_strategy FOREIGN KEY(strategy_id) REFERENCES strategy (id) ON DELETE CASCADE, 
	CONSTRAINT fk_risk_owner_unit_id_unit FOREIGN KEY(owner_unit_id) REFERENCES unit (id) ON DELETE SET NULL, 
	CONSTRAINT ck_risk_risk_status CHECK (status IN ('open', 'mitigating', 'closed')), 
	CONSTRAINT fk_risk_task_id_task FOREIGN KEY(task_id) REFERENCES task (id) ON DELETE CASCADE, 
	CONSTRAINT ck_risk_one_owner CHECK ((strategy_id IS NOT NULL) + (plan_id IS NOT NULL) + (task_id IS NOT NULL) = 1), 
	CONSTRAINT fk_risk_plan_id_action_plan FOREIGN KEY(plan_id) REFERENCES action_plan (id) ON DELETE CASCADE, 
	CONSTRAINT ck_risk_impact_range CHECK (impact BETWEEN 1 AND 5), 
	CONSTRAINT ck_risk_likelihood_range CHECK (likelihood BETWEEN 1 AND 5), 
	CONSTRAINT ck_risk_risk_category CHECK (category IN ('technical', 'financial', 'organisational', 'legal', 'security', 'schedule', 'technology_dependence', 'data_location', 'people', 'other'))
);
CREATE TABLE form_round (
	id INTEGER NOT NULL, 
	plan_id INTEGER NOT NULL, 
	as_of DATE NOT NULL, 
	deadline DATE NOT NULL, 
	issued_at DATETIME NOT NULL, 
	version INTEGER DEFAULT '1' NOT NULL, secret VARCHAR, 
	CONSTRAINT pk_form_round PRIMARY KEY (id), 
	CONSTRAINT fk_form_round_plan_id_action_plan FOREIGN KEY(plan_id) REFERENCES action_plan (id) ON DELETE CASCADE
);
CREATE TABLE form_round_unit (
	round_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	role VARCHAR(11) NOT NULL, 
	CONSTRAINT pk_form_round_unit PRIMARY KEY (round_id, unit_id, role), 
	CONSTRAINT fk_form_round_unit_round_id_form_round FOREIGN KEY(round_id) REFERENCES form_round (id) ON DELETE CASCADE, 
	CONSTRAINT fk_form_round_unit_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE, 
	CONSTRAINT ck_form_round_unit_form_role CHECK (role IN ('lead', 'cooperating'))
);
CREATE TABLE "form_receipt" (
	id INTEGER NOT NULL, 
	round_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	received_at DATETIME NOT NULL, 
	reporter VARCHAR, 
	file_name VARCHAR, 
	version INTEGER DEFAULT '1' NOT NULL, 
	role VARCHAR(11) DEFAULT 'lead' NOT NULL, 
	CONSTRAINT pk_form_receipt PRIMARY KEY (id), 
	CONSTRAINT fk_form_receipt_unit_id_unit FOREIGN KEY(unit_id) REFERENCES unit (id) ON DELETE CASCADE, 
	CONSTRAINT fk_form_receipt_round_id_form_round FOREIGN KEY(round_id) REFERENCES form_round (id) ON DELETE CASCADE, 
	CONSTRAINT ck_form_receipt_form_role CHECK (role IN ('lead', 'cooperating')), 
	CONSTRAINT uq_form_receipt_round_id_unit_id_role UNIQUE (round_id, unit_id, role)
);
CREATE INDEX ix_unit_parent_id ON unit (parent_id);
CREATE INDEX ix_socio_economic_plan_unit_id ON socio_economic_plan (unit_id);
CREATE INDEX ix_strategy_sedp_id ON strategy (sedp_id);
CREATE INDEX ix_strategy_unit_id ON strategy (unit_id);
CREATE INDEX ix_goal_parent_id ON goal (parent_id);
CREATE INDEX ix_goal_strategy_id ON goal (strategy_id);
CREATE INDEX ix_task_lead_unit_id ON task (lead_unit_id);
CREATE INDEX ix_task_parent_id ON task (parent_id);
CREATE INDEX ix_task_plan_id ON task (plan_id);
CREATE INDEX ix_task_plan_parent_position ON task (plan_id, parent_id, position);
CREATE INDEX ix_budget_line_task_id ON budget_line (task_id);
CREATE INDEX ix_dependency_predecessor_id ON dependency (predecessor_id);
CREATE INDEX ix_dependency_successor_id ON dependency (successor_id);
CREATE INDEX ix_progress_report_task_id ON progress_report (task_id);
CREATE INDEX ix_staff_line_task_id ON staff_line (task_id);
CREATE INDEX ix_staff_line_unit_id ON staff_line (unit_id);
CREATE INDEX ix_task_goal_goal_id ON task_goal (goal_id);
CREATE INDEX ix_task_unit_unit_id ON task_unit (unit_id);
CREATE INDEX ix_action_plan_strategy_id ON action_plan (strategy_id);
CREATE INDEX ix_action_plan_unit_id ON action_plan (unit_id);
CREATE INDEX ix_login_unit_unit_id ON login_unit (unit_id);
CREATE INDEX ix_committee_member_unit_id ON committee_member (unit_id);
CREATE INDEX ix_system_hosted_on_id ON system (hosted_on_id);
CREATE INDEX ix_system_owner_unit_id ON system (owner_unit_id);
CREATE INDEX ix_data_link_from_system_id ON data_link (from_system_id);
CREATE INDEX ix_data_link_to_system_id ON data_link (to_system_id);
CREATE INDEX ix_open_dataset_publisher_unit_id ON open_dataset (publisher_unit_id);
CREATE INDEX ix_open_dataset_system_id ON open_dataset (system_id);
CREATE INDEX ix_public_service_system_id ON public_service (system_id);
CREATE INDEX ix_public_service_unit_id ON public_service (unit_id);
CREATE INDEX ix_task_effect_data_link_id ON task_effect (data_link_id);
CREATE INDEX ix_task_effect_service_id ON task_effect (service_id);
CREATE INDEX ix_task_effect_system_id ON task_effect (system_id);
CREATE INDEX ix_task_effect_task_id ON task_effect (task_id);
CREATE INDEX ix_risk_treatment_task_id ON risk_treatment (task_id);
CREATE INDEX ix_indicator_goal_id ON indicator (goal_id);
CREATE INDEX ix_indicator_sedp_id ON indicator (sedp_id);
CREATE INDEX ix_indicator_sedp_indicator_id ON indicator (sedp_indicator_id);
CREATE INDEX ix_indicator_lead_unit_id ON indicator (lead_unit_id);
CREATE INDEX ix_risk_strategy_id ON risk (strategy_id);
CREATE INDEX ix_risk_plan_id ON risk (plan_id);
CREATE INDEX ix_risk_owner_unit_id ON risk (owner_unit_id);
CREATE INDEX ix_risk_task_id ON risk (task_id);
CREATE INDEX ix_form_round_plan_id ON form_round (plan_id);
CREATE INDEX ix_form_round_unit_unit_id ON form_round_unit (unit_id);
CREATE INDEX ix_form_receipt_unit_id ON form_receipt (unit_id);
CREATE INDEX ix_form_receipt_round_id ON form_receipt (round_id);
