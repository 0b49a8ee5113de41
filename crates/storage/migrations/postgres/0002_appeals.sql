-- Reconsiderations and lawsuits about a case (table 四): cases::yearly::Appeal as JSON.
CREATE TABLE appeals (
    id      BIGSERIAL PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases(id),
    filed   TEXT NOT NULL,                -- YYYY-MM-DD
    body    TEXT NOT NULL
);
CREATE INDEX appeals_by_case ON appeals(case_id);
