-- A request is paused while the case's authorization is expired, and resumes on renewal.
alter table record_request add column paused_at timestamp with time zone;
