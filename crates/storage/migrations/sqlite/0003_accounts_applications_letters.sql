-- What a letter needs from its agency: the reference-number prefix (e.g. 某县政府办公室 → 某政办公复)
-- and the body that hears administrative reconsideration there (configurable since the 2023 行政复议法).
ALTER TABLE agencies ADD COLUMN letter_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN review_body TEXT NOT NULL DEFAULT '';

-- Staff accounts: one role each, in one agency. Passwords as argon2 PHC strings.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    agency_id     INTEGER NOT NULL REFERENCES agencies(id),
    login         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    email         TEXT
);

-- The handler a case is assigned to, and its due date (NULL while the clock stands still or once
-- answered), kept beside the JSON so the dashboards can use an index.
ALTER TABLE cases ADD COLUMN handler_id INTEGER REFERENCES users(id);
ALTER TABLE cases ADD COLUMN due TEXT;
CREATE INDEX cases_open_by_due ON cases(agency_id, due) WHERE closed_on IS NULL;
CREATE INDEX cases_open_by_handler ON cases(agency_id, handler_id) WHERE closed_on IS NULL;

-- Personal information, apart from the case so that no public query can reach it:
-- cases::Applicant, cases::Request and cases::Channel as JSON.
CREATE TABLE applicants (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    body    TEXT NOT NULL
);

-- Letters as issued, with their reference numbers from a per-agency yearly sequence per prefix.
CREATE TABLE letter_numbers (
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    year      INTEGER NOT NULL,
    prefix    TEXT NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (agency_id, year, prefix)
);
CREATE TABLE letters (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind    TEXT NOT NULL,
    ref_no  TEXT NOT NULL,
    issued  TEXT NOT NULL,                -- YYYY-MM-DD
    body    TEXT NOT NULL                 -- the letter as JSON (paragraphs), rendered to HTML/DOCX
);
CREATE INDEX letters_by_case ON letters(case_id);

-- Letter templates an agency admin has edited (the built-in ones apply otherwise).
CREATE TABLE letter_templates (
    agency_id INTEGER NOT NULL REFERENCES agencies(id),
    kind      TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (agency_id, kind)
);

-- Holiday schedules added at run time (next year's notice), as the calendar's TOML.
CREATE TABLE holiday_years (
    year     INTEGER PRIMARY KEY,
    schedule TEXT NOT NULL
);

-- Login sessions (tower-sessions records as JSON).
CREATE TABLE sessions (
    id      TEXT PRIMARY KEY,
    expires INTEGER NOT NULL,             -- unix seconds
    data    TEXT NOT NULL
);
