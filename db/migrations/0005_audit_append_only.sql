-- The audit trail is append-only for the app's own database role: an UPDATE, DELETE or TRUNCATE of
-- audit_events raises, except
--  * on the documented erase path (lib/patients/erase-patient.ts), which sets the transaction-local
--    `physioplan.audit_erase = 'on'` to delete one patient's events and leave a stub;
--  * when the foreign keys themselves ask for it: a deleted clinic takes its trail with it
--    (on delete cascade), and a deleted user's events stay without the user (on delete set null).
create or replace function audit_events_append_only() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('physioplan.audit_erase', true), '') = 'on' then
    if tg_op = 'DELETE' then return old; end if;
    return new;
  end if;
  if tg_op = 'DELETE' and not exists (select 1 from clinics where id = old.clinic_id) then
    return old;
  end if;
  if tg_op = 'UPDATE' and old.actor_id is not null and new.actor_id is null
    and (new.id, new.clinic_id, new.action, new.entity_type, new.entity_id, new.detail, new.created_at)
      is not distinct from (old.id, old.clinic_id, old.action, old.entity_type, old.entity_id, old.detail, old.created_at)
    and not exists (select 1 from users where id = old.actor_id) then
    return new;
  end if;
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
--> statement-breakpoint
create trigger audit_events_append_only
  before update or delete on audit_events
  for each row execute function audit_events_append_only();
--> statement-breakpoint
create or replace function audit_events_no_truncate() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('physioplan.audit_erase', true), '') = 'on' then
    return null;
  end if;
  raise exception 'audit_events is append-only: TRUNCATE refused' using errcode = 'insufficient_privilege';
end
$$;
--> statement-breakpoint
create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function audit_events_no_truncate();
