-- A subscription-billing schema for the billing scenario (billing.yaml): organisations on plans,
-- their payment methods, and subscriptions in every state a billing system must handle.
CREATE SCHEMA billing;

CREATE TYPE billing.subscription_state AS ENUM ('trialing', 'active', 'past_due', 'canceled', 'expired');

CREATE TABLE billing.organizations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          varchar(200) NOT NULL,
    slug          varchar(100) NOT NULL UNIQUE,
    billing_email varchar(320) NOT NULL,
    country_code  char(2)      NOT NULL,
    created_at    timestamptz  NOT NULL
);

CREATE TABLE billing.plans (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             varchar(40) NOT NULL UNIQUE,
    tier             varchar(20) NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise')),
    billing_interval varchar(10) NOT NULL CHECK (billing_interval IN ('month', 'year', 'none')),
    price_cents      integer     NOT NULL CHECK (price_cents >= 0),
    usage_limit      integer     NOT NULL CHECK (usage_limit > 0)
);

CREATE TABLE billing.payment_methods (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES billing.organizations (id),
    token           varchar(64) NOT NULL,
    brand           varchar(20) NOT NULL,
    last4           char(4)     NOT NULL,
    exp_month       smallint    NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year        smallint    NOT NULL CHECK (exp_year BETWEEN 2000 AND 2100)
);

CREATE TABLE billing.subscriptions (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id       bigint                     NOT NULL REFERENCES billing.organizations (id),
    plan_id               bigint                     NOT NULL REFERENCES billing.plans (id),
    state                 billing.subscription_state NOT NULL,
    scenario_label        varchar(60)                NOT NULL,
    usage_units           integer                    NOT NULL CHECK (usage_units >= 0),
    current_period_start  timestamptz                NOT NULL,
    current_period_end    timestamptz                NOT NULL,
    trial_ends_at         timestamptz,
    canceled_at           timestamptz,
    cancel_at             timestamptz,
    next_payment_retry_at timestamptz,
    last_payment_error    varchar(100),
    proration_cents       integer                    NOT NULL DEFAULT 0,
    state_changed_at      timestamptz                NOT NULL,
    CONSTRAINT subscriptions_period_chk CHECK (current_period_end > current_period_start)
);
