-- Registration drives (issue 17, docs/mobilisation.md): units (an agency, a company, a school, a village…) whose QR code
-- opens registration with the unit attached, and which unit brought which newly registered caring person.
CREATE TABLE registration_unit (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 2 AND 40),
    kind         text NOT NULL CHECK (kind IN ('AGENCY', 'COMPANY', 'SCHOOL', 'VILLAGE', 'OTHER')),
    region_code  text NOT NULL REFERENCES region (code),
    open         boolean NOT NULL DEFAULT true,
    created_by   bigint NOT NULL REFERENCES account (id),
    created_at   timestamptz NOT NULL,
    closed_at    timestamptz
);
CREATE INDEX registration_unit_region_idx ON registration_unit (region_code text_pattern_ops);

-- one row per account at most: a person registers once, through at most one unit
CREATE TABLE unit_registration (
    account_id     bigint PRIMARY KEY REFERENCES account (id),
    unit_id        bigint NOT NULL REFERENCES registration_unit (id),
    region_code    text NOT NULL,
    registered_at  timestamptz NOT NULL
);
CREATE INDEX unit_registration_unit_idx ON unit_registration (unit_id);
CREATE INDEX unit_registration_region_idx ON unit_registration (region_code text_pattern_ops);
