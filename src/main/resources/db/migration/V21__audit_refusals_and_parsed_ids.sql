-- Issue 12: the audit trail also records refused requests (action REFUSED), and for every event the
-- ids the request carried as parsed values (ids, e.g. 'requestId=42', however the URL spelled them),
-- the case they belong to (case_id, where known) and why a request was refused (detail).
alter table audit_event add column case_id bigint;
alter table audit_event add column ids varchar(400);
alter table audit_event add column detail varchar(400);

create index ix_audit_event_case on audit_event (case_id, occurred_at);
