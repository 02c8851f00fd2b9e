-- Issue 14: campaign invitations for a need's money line. A money invitation asks a donor for an amount in fen
-- (value_fen) of one money line (money_position; positions and quantities stay empty) and is accepted by a gift through
-- the fund (gift_id) instead of a pledge. A donor may be invited for a need's goods and for each of its money lines.
ALTER TABLE campaign_invitation ADD COLUMN money_position int;
ALTER TABLE campaign_invitation ADD COLUMN gift_id bigint REFERENCES fund_gift (id);
ALTER TABLE campaign_invitation ADD CONSTRAINT campaign_invitation_money_check
    CHECK (money_position IS NULL OR (cardinality(positions) = 0 AND value_fen > 0));
ALTER TABLE campaign_invitation DROP CONSTRAINT campaign_invitation_campaign_id_need_id_donor_id_key;
CREATE UNIQUE INDEX campaign_invitation_part_idx ON campaign_invitation (campaign_id, need_id, donor_id, coalesce(money_position, -1));
