-- Intake: how each holder is reached and what is requested; each request's routing and deadline rule.

alter table case_file add column legal_basis varchar(40) default 'AUTHORIZATION' not null;
alter table case_file add column subpoena_return_date date;
alter table case_file add column records_from date;
alter table case_file add column psychotherapy_notes boolean default false not null;
alter table case_file add column substance_use_records boolean default false not null;

alter table record_holder add column released_via varchar(24) default 'IN_HOUSE_HIM' not null;
alter table record_holder add column channel varchar(16) default 'MAIL' not null;
alter table record_holder add column record_types varchar(100) default 'MEDICAL_RECORDS' not null;

alter table record_request add column department varchar(200);
alter table record_request add column due_days int;
alter table record_request add column day_count varchar(16);
alter table record_request add column extension_allowed boolean default false not null;
alter table record_request add column extension_days int default 0 not null;
alter table record_request add column follow_up_days int default 14 not null;
alter table record_request add column due_on date;
alter table record_request add column extended_due_on date;

alter table hipaa_authorization add column revoked_on date;
alter table hipaa_authorization add column state_code char(2);
alter table hipaa_authorization add column signature_method varchar(16);
alter table hipaa_authorization add column signer_role varchar(16);
