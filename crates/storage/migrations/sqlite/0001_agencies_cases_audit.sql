-- Agencies form a hierarchy (county → townships and departments).
CREATE TABLE agencies (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    parent_id INTEGER REFERENCES agencies(id)
);

-- A case: the domain value as JSON, plus the columns the dashboards and yearly tables query.
CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    agency_id     INTEGER NOT NULL REFERENCES agencies(id),
    tracking_code TEXT NOT NULL UNIQUE,
    received      TEXT NOT NULL,          -- YYYY-MM-DD
    state         TEXT NOT NULL,
    closed_on     TEXT,                   -- YYYY-MM-DD when the reply was sent
    body          TEXT NOT NULL           -- cases::Case as JSON
);
CREATE INDEX cases_by_agency_received ON cases(agency_id, received);
CREATE INDEX cases_by_agency_state ON cases(agency_id, state);

-- Append-only: who did what to which record, when, from where.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT NOT NULL,
    origin  TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
