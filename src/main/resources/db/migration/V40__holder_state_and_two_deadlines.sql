-- Issue 17, deadlines: the record holder's state (not the case's) chooses the deadline rule; the case
-- facts Cal. Evid. Code 1158 turns on; what a subpoena request needs on file; and per request the rule
-- applied (clock start, roll-over, statutory or firm policy, source) with its two dates: the legal
-- deadline (due_on, extended_due_on) and the firm's internal target (target_on).

alter table record_holder add column state_code char(2);
update record_holder set state_code = (select c.state_code from case_file c where c.id = record_holder.case_id);

alter table case_file add column action_filed boolean default false not null;
alter table case_file add column defendant_appeared boolean default false not null;
alter table case_file add column subpoena_assurance varchar(40);

alter table record_request add column holder_state char(2);
update record_request set holder_state = (select h.state_code from record_holder h where h.id = record_request.holder_id);
alter table record_request add column clock_start varchar(24) default 'RECEIPT' not null;
alter table record_request add column rolls_to_business_day boolean default false not null;
alter table record_request add column roll_source varchar(1000);
alter table record_request add column target_days_before int default 0 not null;
alter table record_request add column statutory boolean default true not null;
alter table record_request add column rule_source varchar(1000);
alter table record_request add column payment_received_on date;
alter table record_request add column target_on date;

-- Requests created before this migration: New York's Public Health Law 18 sets no day count for them
update record_request set statutory = false where legal_basis = 'AUTHORIZATION' and holder_state = 'NY';
