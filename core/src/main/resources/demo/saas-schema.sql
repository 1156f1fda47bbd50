-- =============================================================================
-- Seedfleet demo schema: a multi-tenant project-management SaaS
-- =============================================================================
--
-- Models a typical B2B SaaS application: organizations (tenants) with users
-- joined through memberships, teams, projects, tasks with comments and labels,
-- plus the billing side (plans, subscriptions, invoices, line items, payment
-- methods, payments) and platform plumbing (API keys, webhooks, invitations,
-- notifications, audit log).
--
-- This is the schema `./seedfleet demo` creates and seeds (10,000 users across
-- 500 organizations, other tables in proportion). It deliberately contains:
--
--   * 23 tables, all in schema `app`
--   * identity primary keys (bigint GENERATED ALWAYS AS IDENTITY), a few
--     bigserial keys, and uuid keys (DEFAULT gen_random_uuid()) on
--     audit_events and notifications
--   * composite primary keys on junction tables (memberships, team_members,
--     project_members, task_labels)
--   * a composite foreign key: team_members (organization_id, user_id)
--     REFERENCES memberships (organization_id, user_id)
--   * a one-to-one relation: user_profiles.user_id is a UNIQUE foreign key
--   * two nullable self-references: tasks.parent_task_id (subtasks) and
--     teams.parent_team_id (nested teams)
--   * exactly one nullable foreign-key cycle of length 2:
--     users.default_organization_id -> organizations.id and
--     organizations.created_by_user_id -> users.id (both nullable; the second
--     is added with ALTER TABLE once both tables exist)
--   * six enum types
--   * single-column and multi-column UNIQUE constraints (no partial or
--     expression indexes)
--   * 25 CHECK constraints using only simple forms: range comparisons,
--     BETWEEN, IN lists, char_length bounds, same-row column comparisons,
--     "col IS NULL OR ..." and AND combinations of these
--
-- PostgreSQL 13+ (gen_random_uuid() is built in). No data, functions,
-- triggers or views.
-- =============================================================================

CREATE SCHEMA IF NOT EXISTS app;

-- -----------------------------------------------------------------------------
-- Enum types
-- -----------------------------------------------------------------------------

CREATE TYPE app.membership_role AS ENUM ('owner', 'admin', 'member', 'guest');

CREATE TYPE app.task_status AS ENUM (
    'backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled'
);

CREATE TYPE app.subscription_status AS ENUM (
    'trialing', 'active', 'past_due', 'canceled', 'unpaid'
);

CREATE TYPE app.invoice_status AS ENUM (
    'draft', 'open', 'paid', 'void', 'uncollectible'
);

CREATE TYPE app.payment_status AS ENUM (
    'pending', 'succeeded', 'failed', 'refunded'
);

CREATE TYPE app.invitation_status AS ENUM (
    'pending', 'accepted', 'revoked', 'expired'
);

-- -----------------------------------------------------------------------------
-- Billing catalogue
-- -----------------------------------------------------------------------------

CREATE TABLE app.plans (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                varchar(50)  NOT NULL UNIQUE,
    name                varchar(100) NOT NULL,
    description         text,
    monthly_price_cents integer      NOT NULL,
    annual_price_cents  integer      NOT NULL,
    currency            char(3)      NOT NULL DEFAULT 'USD',
    max_seats           integer      NOT NULL,
    max_projects        integer,
    is_public           boolean      NOT NULL DEFAULT true,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT plans_name_length_chk CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT plans_prices_nonnegative_chk
        CHECK (monthly_price_cents >= 0 AND annual_price_cents >= 0),
    CONSTRAINT plans_max_seats_chk CHECK (max_seats BETWEEN 1 AND 10000)
);

COMMENT ON TABLE app.plans IS 'Pricing plans offered to organizations; small reference table.';

-- -----------------------------------------------------------------------------
-- Tenants and identities
-- -----------------------------------------------------------------------------

CREATE TABLE app.organizations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               varchar(200) NOT NULL,
    slug               varchar(100) NOT NULL UNIQUE,
    billing_email      varchar(320) NOT NULL,
    website_url        varchar(2048),
    industry           varchar(100),
    country_code       char(2)      NOT NULL,
    -- Half of the users <-> organizations cycle; FK added below.
    created_by_user_id bigint,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CONSTRAINT organizations_name_length_chk CHECK (char_length(name) BETWEEN 1 AND 200)
);

COMMENT ON TABLE app.organizations IS 'Tenants. Every tenant-scoped row references an organization.';

CREATE TABLE app.users (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                   varchar(320) NOT NULL UNIQUE,
    password_hash           varchar(255),
    first_name              varchar(100) NOT NULL,
    last_name               varchar(100) NOT NULL,
    display_name            varchar(200),
    timezone                varchar(64)  NOT NULL DEFAULT 'UTC',
    locale                  varchar(16)  NOT NULL DEFAULT 'en-US',
    default_organization_id bigint REFERENCES app.organizations (id) ON DELETE SET NULL,
    is_active               boolean      NOT NULL DEFAULT true,
    email_verified_at       timestamptz,
    last_login_at           timestamptz,
    last_login_ip           inet,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    deleted_at              timestamptz,
    CONSTRAINT users_name_length_chk
        CHECK (char_length(first_name) BETWEEN 1 AND 100 AND char_length(last_name) BETWEEN 1 AND 100),
    CONSTRAINT users_updated_after_created_chk CHECK (updated_at >= created_at)
);

COMMENT ON TABLE app.users IS 'People who can sign in. A user may belong to several organizations via memberships.';

-- Close the nullable cycle: organizations.created_by_user_id -> users.id
ALTER TABLE app.organizations
    ADD CONSTRAINT organizations_created_by_user_id_fkey
    FOREIGN KEY (created_by_user_id) REFERENCES app.users (id) ON DELETE SET NULL;

CREATE TABLE app.user_profiles (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint       NOT NULL UNIQUE REFERENCES app.users (id) ON DELETE CASCADE,
    phone        varchar(32),
    avatar_url   varchar(2048),
    bio          text,
    job_title    varchar(150),
    department   varchar(100),
    city         varchar(100),
    country_code char(2),
    website_url  varchar(2048),
    birth_date   date,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT user_profiles_bio_length_chk
        CHECK (bio IS NULL OR char_length(bio) BETWEEN 1 AND 2000)
);

COMMENT ON TABLE app.user_profiles IS 'Optional one-to-one extension of users.';

CREATE TABLE app.memberships (
    organization_id    bigint              NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    user_id            bigint              NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    role               app.membership_role NOT NULL DEFAULT 'member',
    invited_by_user_id bigint              REFERENCES app.users (id) ON DELETE SET NULL,
    joined_at          timestamptz         NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);

CREATE INDEX memberships_user_id_idx ON app.memberships (user_id);

COMMENT ON TABLE app.memberships IS 'Which users belong to which organizations, and with what role.';

-- -----------------------------------------------------------------------------
-- Teams
-- -----------------------------------------------------------------------------

CREATE TABLE app.teams (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id bigint       NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    parent_team_id  bigint       REFERENCES app.teams (id) ON DELETE SET NULL,
    name            varchar(100) NOT NULL,
    slug            varchar(100) NOT NULL,
    description     text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug)
);

CREATE TABLE app.team_members (
    team_id         bigint      NOT NULL REFERENCES app.teams (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL,
    user_id         bigint      NOT NULL,
    is_lead         boolean     NOT NULL DEFAULT false,
    added_at        timestamptz NOT NULL DEFAULT now(),
    -- The key spans both parents in full (team, membership), so every pair is distinct.
    PRIMARY KEY (team_id, organization_id, user_id),
    -- A team member must be a member of the organization.
    CONSTRAINT team_members_membership_fkey
        FOREIGN KEY (organization_id, user_id)
        REFERENCES app.memberships (organization_id, user_id) ON DELETE CASCADE
);

CREATE INDEX team_members_membership_idx ON app.team_members (organization_id, user_id);

COMMENT ON TABLE app.team_members IS 'Team membership; the composite FK ties each row to an organization membership.';

-- -----------------------------------------------------------------------------
-- Projects and tasks
-- -----------------------------------------------------------------------------

CREATE TABLE app.projects (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id    bigint       NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    team_id            bigint       REFERENCES app.teams (id) ON DELETE SET NULL,
    created_by_user_id bigint       REFERENCES app.users (id) ON DELETE SET NULL,
    name               varchar(200) NOT NULL,
    slug               varchar(100) NOT NULL,
    description        text,
    visibility         varchar(20)  NOT NULL DEFAULT 'private',
    starts_on          date,
    archived_at        timestamptz,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (organization_id, slug),
    CONSTRAINT projects_visibility_chk CHECK (visibility IN ('private', 'internal', 'public'))
);

CREATE TABLE app.project_members (
    project_id bigint      NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
    user_id    bigint      NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    role       varchar(20) NOT NULL DEFAULT 'contributor',
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id),
    CONSTRAINT project_members_role_chk CHECK (role IN ('lead', 'contributor', 'viewer'))
);

CREATE INDEX project_members_user_id_idx ON app.project_members (user_id);

CREATE TABLE app.tasks (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint          NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
    parent_task_id  bigint          REFERENCES app.tasks (id) ON DELETE CASCADE,
    number          integer         NOT NULL,
    title           varchar(300)    NOT NULL,
    description     text,
    status          app.task_status NOT NULL DEFAULT 'backlog',
    priority        smallint        NOT NULL DEFAULT 3,
    estimate_points smallint,
    reporter_id     bigint          NOT NULL REFERENCES app.users (id),
    assignee_id     bigint          REFERENCES app.users (id) ON DELETE SET NULL,
    start_date      date,
    due_date        date,
    completed_at    timestamptz,
    created_at      timestamptz     NOT NULL DEFAULT now(),
    updated_at      timestamptz     NOT NULL DEFAULT now(),
    UNIQUE (project_id, number),
    CONSTRAINT tasks_priority_chk CHECK (priority BETWEEN 1 AND 5),
    CONSTRAINT tasks_title_length_chk CHECK (char_length(title) BETWEEN 1 AND 300),
    CONSTRAINT tasks_updated_after_created_chk CHECK (updated_at >= created_at),
    CONSTRAINT tasks_completed_after_created_chk
        CHECK (completed_at IS NULL OR completed_at >= created_at)
);

CREATE INDEX tasks_parent_task_id_idx ON app.tasks (parent_task_id);
CREATE INDEX tasks_assignee_id_idx ON app.tasks (assignee_id);

COMMENT ON TABLE app.tasks IS 'Work items. parent_task_id makes a task a subtask of another task.';

CREATE TABLE app.task_comments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id    bigint      NOT NULL REFERENCES app.tasks (id) ON DELETE CASCADE,
    author_id  bigint      NOT NULL REFERENCES app.users (id),
    body       text        NOT NULL,
    edited_at  timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX task_comments_task_id_idx ON app.task_comments (task_id);

CREATE TABLE app.labels (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint      NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
    name        varchar(50) NOT NULL,
    color       varchar(7)  NOT NULL DEFAULT '#6B7280',
    description varchar(255),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, name)
);

CREATE TABLE app.task_labels (
    task_id    bigint      NOT NULL REFERENCES app.tasks (id) ON DELETE CASCADE,
    label_id   bigint      NOT NULL REFERENCES app.labels (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, label_id)
);

-- -----------------------------------------------------------------------------
-- Billing
-- -----------------------------------------------------------------------------

CREATE TABLE app.subscriptions (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id      bigint                  NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    plan_id              bigint                  NOT NULL REFERENCES app.plans (id),
    status               app.subscription_status NOT NULL DEFAULT 'trialing',
    seats                integer                 NOT NULL DEFAULT 1,
    billing_interval     varchar(10)             NOT NULL DEFAULT 'month',
    current_period_start timestamptz             NOT NULL,
    current_period_end   timestamptz             NOT NULL,
    trial_ends_at        timestamptz,
    canceled_at          timestamptz,
    created_at           timestamptz             NOT NULL DEFAULT now(),
    updated_at           timestamptz             NOT NULL DEFAULT now(),
    CONSTRAINT subscriptions_seats_chk CHECK (seats BETWEEN 1 AND 10000),
    CONSTRAINT subscriptions_billing_interval_chk CHECK (billing_interval IN ('month', 'year')),
    CONSTRAINT subscriptions_period_chk CHECK (current_period_end > current_period_start)
);

CREATE TABLE app.invoices (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id bigint             NOT NULL REFERENCES app.subscriptions (id),
    number          varchar(32)        NOT NULL UNIQUE,
    status          app.invoice_status NOT NULL DEFAULT 'draft',
    currency        char(3)            NOT NULL,
    subtotal_cents  bigint             NOT NULL,
    tax_cents       bigint             NOT NULL DEFAULT 0,
    amount_cents    bigint             NOT NULL,
    issue_date      date               NOT NULL,
    due_date        date               NOT NULL,
    paid_at         timestamptz,
    created_at      timestamptz        NOT NULL DEFAULT now(),
    CONSTRAINT invoices_amounts_nonnegative_chk
        CHECK (subtotal_cents >= 0 AND tax_cents >= 0 AND amount_cents >= 0),
    CONSTRAINT invoices_currency_chk
        CHECK (currency IN ('USD', 'EUR', 'GBP', 'JPY', 'BRL', 'INR')),
    CONSTRAINT invoices_due_after_issue_chk CHECK (due_date >= issue_date)
);

CREATE INDEX invoices_subscription_id_idx ON app.invoices (subscription_id);

CREATE TABLE app.invoice_line_items (
    id                bigserial PRIMARY KEY,
    invoice_id        bigint       NOT NULL REFERENCES app.invoices (id) ON DELETE CASCADE,
    description       varchar(500) NOT NULL,
    quantity          integer      NOT NULL DEFAULT 1,
    unit_amount_cents bigint       NOT NULL,
    amount_cents      bigint       NOT NULL,
    period_start      date,
    period_end        date,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT invoice_line_items_amounts_chk
        CHECK (quantity BETWEEN 1 AND 10000 AND unit_amount_cents >= 0 AND amount_cents >= 0)
);

CREATE TABLE app.payment_methods (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id      bigint       NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    brand                varchar(20)  NOT NULL,
    last4                varchar(4)   NOT NULL,
    exp_month            smallint,
    exp_year             smallint,
    billing_name         varchar(200) NOT NULL,
    billing_country_code char(2)      NOT NULL,
    is_default           boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    CONSTRAINT payment_methods_exp_month_chk
        CHECK (exp_month IS NULL OR exp_month BETWEEN 1 AND 12)
);

CREATE TABLE app.payments (
    id                 bigserial PRIMARY KEY,
    invoice_id         bigint             NOT NULL REFERENCES app.invoices (id),
    payment_method_id  bigint             REFERENCES app.payment_methods (id) ON DELETE SET NULL,
    amount_cents       bigint             NOT NULL,
    currency           char(3)            NOT NULL,
    status             app.payment_status NOT NULL DEFAULT 'pending',
    provider_reference varchar(100)       NOT NULL UNIQUE,
    failure_reason     text,
    processed_at       timestamptz,
    created_at         timestamptz        NOT NULL DEFAULT now(),
    CONSTRAINT payments_amount_positive_chk CHECK (amount_cents > 0),
    CONSTRAINT payments_currency_chk
        CHECK (currency IN ('USD', 'EUR', 'GBP', 'JPY', 'BRL', 'INR'))
);

CREATE INDEX payments_invoice_id_idx ON app.payments (invoice_id);

-- -----------------------------------------------------------------------------
-- Platform: API keys, webhooks, invitations, notifications, audit log
-- -----------------------------------------------------------------------------

CREATE TABLE app.api_keys (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id    bigint       NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    created_by_user_id bigint       REFERENCES app.users (id) ON DELETE SET NULL,
    name               varchar(100) NOT NULL,
    prefix             varchar(16)  NOT NULL UNIQUE,
    key_hash           varchar(128) NOT NULL,
    last_used_at       timestamptz,
    last_used_ip       inet,
    expires_at         timestamptz,
    revoked_at         timestamptz,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE app.webhooks (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id    bigint        NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    created_by_user_id bigint        REFERENCES app.users (id) ON DELETE SET NULL,
    url                varchar(2048) NOT NULL,
    description        varchar(255),
    secret             varchar(128)  NOT NULL,
    event_types        jsonb         NOT NULL DEFAULT '[]',
    is_active          boolean       NOT NULL DEFAULT true,
    failure_count      integer       NOT NULL DEFAULT 0,
    last_delivered_at  timestamptz,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT webhooks_failure_count_chk CHECK (failure_count >= 0)
);

CREATE TABLE app.invitations (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id    bigint                NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    invited_by_user_id bigint                NOT NULL REFERENCES app.users (id),
    email              varchar(320)          NOT NULL,
    role               app.membership_role   NOT NULL DEFAULT 'member',
    token              varchar(64)           NOT NULL UNIQUE,
    status             app.invitation_status NOT NULL DEFAULT 'pending',
    accepted_at        timestamptz,
    expires_at         timestamptz           NOT NULL,
    created_at         timestamptz           NOT NULL DEFAULT now(),
    CONSTRAINT invitations_expiry_chk CHECK (expires_at > created_at)
);

CREATE TABLE app.notifications (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         bigint       NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    organization_id bigint       REFERENCES app.organizations (id) ON DELETE CASCADE,
    kind            varchar(50)  NOT NULL,
    title           varchar(200) NOT NULL,
    body            text,
    link_url        varchar(2048),
    read_at         timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX notifications_user_id_idx ON app.notifications (user_id);

CREATE TABLE app.audit_events (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id bigint       NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
    actor_user_id   bigint       REFERENCES app.users (id) ON DELETE SET NULL,
    action          varchar(100) NOT NULL,
    target_type     varchar(50)  NOT NULL,
    target_id       varchar(64),
    payload         jsonb        NOT NULL DEFAULT '{}',
    ip_address      inet,
    user_agent      text,
    created_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX audit_events_organization_id_created_at_idx
    ON app.audit_events (organization_id, created_at);

COMMENT ON TABLE app.audit_events IS 'Append-only log of security-relevant actions; actor_user_id is NULL for system actions.';
