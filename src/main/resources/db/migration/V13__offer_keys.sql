-- A repeated 发布捐赠 (a double tap, a form sent again) makes one offer: the form's key, once per donor,
-- as pledges have it (V7). V13, not V12: the campaign work on main takes V12.
ALTER TABLE offer ADD COLUMN idempotency_key text;
ALTER TABLE offer ADD CONSTRAINT offer_donor_key_unique UNIQUE (donor_id, idempotency_key);
