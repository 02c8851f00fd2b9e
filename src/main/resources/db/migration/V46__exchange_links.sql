-- Exchange between nodes (issue 18, docs/exchange.md): this node's key pair, its links to other nodes, the outbox of
-- signed messages per link, what it received per link, and the needs other nodes pushed to it.

-- The node's Ed25519 key pair, made on first start. In the database (not under bangfu.data-dir) so that every
-- instance of a cluster signs with the same key and a database backup restores the node whole; never served.
CREATE TABLE exchange_node_key (
    node_id     text PRIMARY KEY,
    public_key  text NOT NULL,
    private_key text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE exchange_link (
    node_id              text PRIMARY KEY,
    url                  text NOT NULL,
    public_key           text NOT NULL,
    role                 text NOT NULL CHECK (role IN ('UPPER', 'LOWER')),
    enabled              boolean NOT NULL DEFAULT true,
    last_sequence_sent   bigint NOT NULL DEFAULT 0, -- the last sequence given to a message for this node
    last_sequence_acked  bigint NOT NULL DEFAULT 0, -- the last one it acknowledged
    last_sequence_received bigint NOT NULL DEFAULT 0, -- the last one accepted from it
    last_received_at     timestamptz,
    last_success_at      timestamptz,
    last_error           text,
    last_error_at        timestamptz,
    consecutive_failures integer NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE TABLE exchange_outbox (
    link_node       text NOT NULL REFERENCES exchange_link (node_id),
    sequence        bigint NOT NULL,
    kind            text NOT NULL,
    body            text NOT NULL, -- the signed envelope, exactly as sent every time
    state           text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    result          text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    PRIMARY KEY (link_node, sequence)
);
CREATE INDEX exchange_outbox_pending ON exchange_outbox (link_node, sequence) WHERE state = 'PENDING';

CREATE TABLE exchange_inbox (
    sender      text NOT NULL,
    sequence    bigint NOT NULL,
    kind        text NOT NULL,
    sha256      text NOT NULL, -- of the envelope's canonical text with its signature
    result      text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (sender, sequence)
);

-- what this node last pushed upstream of each of its own needs, so that only a change is sent
CREATE TABLE exchange_need_sent (
    link_node          text NOT NULL,
    need_id            bigint NOT NULL,
    state              text NOT NULL,
    remaining_quantity integer NOT NULL,
    sent_at            timestamptz NOT NULL,
    PRIMARY KEY (link_node, need_id)
);

-- needs of lower nodes, as they pushed them (public, masked fields only)
CREATE TABLE exchange_remote_need (
    origin_node        text NOT NULL,
    need_id            bigint NOT NULL,
    title              text NOT NULL,
    category           text NOT NULL,
    region_code        text NOT NULL,
    items              jsonb NOT NULL,
    remaining_quantity integer NOT NULL,
    state              text NOT NULL,
    url                text NOT NULL,
    outcome            text,
    received_at        timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (origin_node, need_id)
);
CREATE INDEX exchange_remote_need_title ON exchange_remote_need USING gin (title gin_trgm_ops);
