-- An offer fits the need lines of its item kind (field trial: a school bag was accepted for a cotton-shoes line).
-- The kind is one of the category's item kinds (need_category_rule.item_kinds); offers made before it have none
-- and fit only lines of the same item name. A request for a line of another kind records that its asker
-- accepted the offer as a substitute (接受以此替代), and the donor sees it.
ALTER TABLE offer ADD COLUMN item_kind text;
ALTER TABLE offer_request ADD COLUMN substitute boolean NOT NULL DEFAULT false;
