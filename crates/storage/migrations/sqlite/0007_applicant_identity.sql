-- 按件 fees count an applicant's applications per agency and calendar month: the identity
-- (document kind and number, cases::Applicant::identity) beside the personal data, indexed.
ALTER TABLE applicants ADD COLUMN identity TEXT NOT NULL DEFAULT '';
UPDATE applicants SET identity = json_extract(body, '$.applicant.document.kind') || ':'
                              || json_extract(body, '$.applicant.document.number');
CREATE INDEX applicants_by_identity ON applicants(identity);
