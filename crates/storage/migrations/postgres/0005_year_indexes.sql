-- Table 三 of a year without touching the table: cases closed on or after 1 January (covering
-- index) plus the open ones (partial index), instead of every case received before 31 December.
CREATE INDEX cases_year_closed ON cases(agency_id, closed_on, received, applicant_kind, outcome);
CREATE INDEX cases_year_open ON cases(agency_id, received, applicant_kind) WHERE closed_on IS NULL;
