-- Who applied and how the case ended, beside the JSON, so that table 三 of a year is counted by
-- the database (GROUP BY) instead of decoding every case.
ALTER TABLE cases ADD COLUMN applicant_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN outcome TEXT;
UPDATE cases SET applicant_kind = json_extract(body, '$.applicant'),
                 outcome = json_extract(body, '$.outcome');
