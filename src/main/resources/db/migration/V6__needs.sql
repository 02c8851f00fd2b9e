-- Needs (DESIGN.md §2–3): what a poor household, a village or a producer needs, itemised, with its
-- photos, its workflow history and the abuse rules' findings. Every row carries the region code of
-- its village (or unit) for scope queries and distribution by county code (§6).

-- Keyword search in Chinese. pg_trgm needs a UTF-8 LC_CTYPE to see Chinese characters (docs/decisions.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The city's rules per category: hard limits checked on submission (value caps, required photos,
-- allowed item kinds) and the inputs of the flags shown to verifiers (words of luxury or
-- non-essential goods, the usual value, the period within which a repeated request is flagged).
CREATE TABLE need_category_rule (
    category            text PRIMARY KEY CHECK (category IN ('MEDICAL', 'EDUCATION', 'HOUSING', 'ORPHAN_CARE', 'ELDERLY_CARE',
                                                             'CENTRAL_SUPPORT', 'PRODUCT_SALES', 'VILLAGE', 'OTHER')),
    max_item_value_fen  bigint NOT NULL CHECK (max_item_value_fen > 0),
    max_need_value_fen  bigint NOT NULL CHECK (max_need_value_fen > 0),
    usual_value_fen     bigint NOT NULL CHECK (usual_value_fen > 0),
    min_photos          int NOT NULL CHECK (min_photos BETWEEN 0 AND 6),
    item_kinds          text[] NOT NULL,
    suspicious_words    text[] NOT NULL,
    repeat_days         int NOT NULL CHECK (repeat_days >= 0),
    updated_by          bigint REFERENCES account (id),
    updated_at          timestamptz
);

INSERT INTO need_category_rule (category, max_item_value_fen, max_need_value_fen, usual_value_fen, min_photos, item_kinds, suspicious_words, repeat_days) VALUES
('MEDICAL',         3000000, 10000000, 300000, 1, '{药品,医疗费用,康复器具,营养品,护理服务}', '{保健品,按摩椅,跑步机,整容,美容,香烟,白酒}', 180),
('EDUCATION',        800000,  2000000, 200000, 0, '{学费,生活费,学习用品,校服被褥,交通费,电脑}', '{名牌,品牌服装,苹果手机,iPhone,游戏机,平板电脑,名表}', 180),
('HOUSING',         3000000, 10000000, 1500000, 2, '{建筑材料,施工费用,危房改造,基本家具,基本家电,水电改造}', '{别墅,红木,按摩椅,高档,豪华,真皮沙发}', 365),
('ORPHAN_CARE',      300000,  1000000, 150000, 0, '{生活费,学习用品,衣物,陪伴辅导,医疗费用}', '{名牌,游戏机,苹果手机,iPhone,奢侈}', 180),
('ELDERLY_CARE',     300000,  1000000, 100000, 0, '{生活用品,衣物被褥,助行器具,照料服务,医疗费用}', '{保健品,按摩椅,白酒,香烟,茅台}', 180),
('CENTRAL_SUPPORT',  300000,  1000000, 150000, 0, '{生活用品,衣物被褥,护理服务,医疗费用}', '{白酒,香烟,茅台,奢侈}', 180),
('PRODUCT_SALES',  50000000, 200000000, 2000000, 1, '{农产品,加工品,手工艺品}', '{}', 0),
('VILLAGE',        10000000, 50000000, 3000000, 1, '{道路,饮水,电力,产业设施,公共服务设施}', '{豪华,高档,雕塑}', 365),
('OTHER',            200000,   500000,  50000, 0, '{生活用品,衣物,农资,其他}', '{跑步机,白酒,茅台,五粮液,名牌,品牌服装,香烟,苹果手机,iPhone,游戏机,化妆品,奢侈}', 180);

CREATE TABLE need (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code        text NOT NULL REFERENCES region (code),
    category           text NOT NULL REFERENCES need_category_rule (category),
    title              text NOT NULL,
    story              text NOT NULL,
    household_id       bigint REFERENCES household (id),
    producer           text,
    urgency            smallint NOT NULL CHECK (urgency BETWEEN 1 AND 3),
    needed_by          date,
    state              text NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'REJECTED', 'VERIFIED', 'PUBLISHED', 'PARTLY_PLEDGED',
                                                      'PLEDGED', 'DELIVERED', 'CONFIRMED', 'CLOSED', 'EXPIRED', 'WITHDRAWN')),
    poster_id          bigint NOT NULL REFERENCES account (id),
    on_behalf          boolean NOT NULL,
    total_quantity     int NOT NULL CHECK (total_quantity > 0),
    pledged_quantity   int NOT NULL DEFAULT 0 CHECK (pledged_quantity BETWEEN 0 AND total_quantity),
    total_value_fen    bigint NOT NULL CHECK (total_value_fen >= 0),
    -- 特色产品销售: the product, its price, production cycle and sales window (harvest month to month)
    product            text,
    price_fen          bigint CHECK (price_fen > 0),
    production_cycle   text,
    sales_from_month   smallint CHECK (sales_from_month BETWEEN 1 AND 12),
    sales_to_month     smallint CHECK (sales_to_month BETWEEN 1 AND 12),
    previous_need_id   bigint REFERENCES need (id),
    reject_reason      text,
    verified_by        bigint REFERENCES account (id),
    created_at         timestamptz NOT NULL,
    submitted_at       timestamptz,
    verified_at        timestamptz,
    published_at       timestamptz,
    updated_at         timestamptz NOT NULL,
    version            int NOT NULL DEFAULT 0,
    -- the keyword index: the title and story as space-separated character pairs, see NeedSearch
    search_pairs       text NOT NULL,
    CHECK (household_id IS NOT NULL OR producer IS NOT NULL OR category = 'VILLAGE'),
    CHECK (category <> 'PRODUCT_SALES' OR (product IS NOT NULL AND price_fen IS NOT NULL AND sales_from_month IS NOT NULL
                                            AND sales_to_month IS NOT NULL))
);
CREATE INDEX need_region_idx ON need (region_code text_pattern_ops);
CREATE INDEX need_household_idx ON need (household_id, category, created_at);
CREATE INDEX need_state_region_idx ON need (state, region_code text_pattern_ops);
-- the public list: open needs, most urgent and longest waiting first
CREATE INDEX need_open_order_idx ON need (urgency DESC, published_at, id) WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');
CREATE INDEX need_open_region_idx ON need (region_code text_pattern_ops, urgency DESC, published_at, id)
    WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');
CREATE INDEX need_search_idx ON need USING gin (search_pairs gin_trgm_ops) WHERE state IN ('PUBLISHED', 'PARTLY_PLEDGED');
CREATE INDEX need_published_idx ON need (published_at) WHERE state = 'PUBLISHED';

CREATE TABLE need_item (
    need_id          bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    position         int NOT NULL,
    kind             text,
    name             text NOT NULL,
    quantity         int NOT NULL CHECK (quantity > 0),
    unit             text NOT NULL,
    value_fen        bigint NOT NULL CHECK (value_fen >= 0),
    pledged_quantity int NOT NULL DEFAULT 0 CHECK (pledged_quantity BETWEEN 0 AND quantity),
    PRIMARY KEY (need_id, position)
);

-- Every transition of the state machine: who, when, why.
CREATE TABLE need_transition (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id    bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    action     text NOT NULL,
    from_state text,
    to_state   text NOT NULL,
    actor_id   bigint REFERENCES account (id),
    reason     text,
    at         timestamptz NOT NULL
);
CREATE INDEX need_transition_need_idx ON need_transition (need_id, id);

-- The abuse rules' findings on submission, shown to the verifier.
CREATE TABLE need_flag (
    need_id bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    rule    text NOT NULL,
    detail  text NOT NULL
);
CREATE INDEX need_flag_need_idx ON need_flag (need_id);

CREATE TABLE need_photo (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id     bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    file_name   text NOT NULL,
    width       int NOT NULL,
    height      int NOT NULL,
    bytes       int NOT NULL,
    uploaded_by bigint NOT NULL REFERENCES account (id),
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX need_photo_need_idx ON need_photo (need_id, id);

-- "Report this need" from the public, queued for supervisors and managers in scope.
CREATE TABLE need_report (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    need_id     bigint NOT NULL REFERENCES need (id) ON DELETE CASCADE,
    region_code text NOT NULL,
    reason      text NOT NULL CHECK (reason IN ('FALSE_INFO', 'LUXURY', 'DUPLICATE', 'PRIVACY', 'OTHER')),
    text        text,
    reporter_id bigint REFERENCES account (id),
    reporter_ip text,
    reported_at timestamptz NOT NULL,
    handled_by  bigint REFERENCES account (id),
    handled_at  timestamptz,
    outcome     text
);
CREATE INDEX need_report_open_idx ON need_report (region_code text_pattern_ops, reported_at) WHERE handled_at IS NULL;
CREATE INDEX need_report_ip_idx ON need_report (reporter_ip, reported_at);
