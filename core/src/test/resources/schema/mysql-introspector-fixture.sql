-- Fixture for MysqlIntrospectorTest: one of each construct the introspector maps.
CREATE TABLE region (
  code CHAR(2) NOT NULL COMMENT 'ISO 3166 alpha-2',
  seq TINYINT UNSIGNED NOT NULL,
  name VARCHAR(40) NOT NULL,
  PRIMARY KEY (code, seq)
) COMMENT 'regions of the world';

-- A unique key that is not the primary key, referenced by a composite foreign key.
CREATE TABLE region_alias (
  alias_id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code CHAR(2) NOT NULL,
  seq TINYINT UNSIGNED NOT NULL,
  UNIQUE KEY uq_region_alias_code_seq (code, seq),
  CONSTRAINT fk_region_alias_region FOREIGN KEY (code, seq) REFERENCES region (code, seq)
);

CREATE TABLE account (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  email VARCHAR(120) NOT NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  level TINYINT NOT NULL DEFAULT 1,
  rank_no SMALLINT NOT NULL,
  visits MEDIUMINT UNSIGNED NOT NULL DEFAULT 0,
  balance_delta MEDIUMINT NULL,
  big BIGINT NULL,
  big_unsigned BIGINT UNSIGNED NULL,
  price DECIMAL(8,2) UNSIGNED NOT NULL DEFAULT 0.00,
  ratio FLOAT NULL,
  score DOUBLE NULL,
  nickname TINYTEXT NULL,
  bio TEXT NULL,
  notes LONGTEXT NULL,
  born DATE NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  wake_at TIME NULL,
  since YEAR NULL,
  prefs JSON NULL,
  token BINARY(16) NULL,
  avatar BLOB NULL,
  status ENUM('new','active','it''s closed') NOT NULL DEFAULT 'new',
  tags SET('red','green','blue') NULL,
  home POINT NULL,
  region_code CHAR(2) NULL,
  region_seq TINYINT UNSIGNED NULL,
  referrer_id INT UNSIGNED NULL,
  email_domain VARCHAR(120) AS (SUBSTRING_INDEX(email, '@', -1)) VIRTUAL,
  price_cents BIGINT AS (price * 100) STORED,
  score_positive DOUBLE NULL CHECK (score_positive > 0),
  flags BIT(5) NULL,
  legacy_name VARCHAR(40) CHARACTER SET latin1 NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_account_email (email),
  UNIQUE KEY uq_account_rank_level (rank_no, level),
  CONSTRAINT fk_account_region FOREIGN KEY (region_code, region_seq) REFERENCES region_alias (code, seq),
  CONSTRAINT fk_account_referrer FOREIGN KEY (referrer_id) REFERENCES account (id),
  CONSTRAINT chk_level CHECK (level BETWEEN 1 AND 10),
  CONSTRAINT chk_updated CHECK (updated_at >= created_at)
) COMMENT 'who signs in';

CREATE VIEW active_account AS SELECT id, email FROM account WHERE active;

CREATE TRIGGER account_email_lower BEFORE INSERT ON account FOR EACH ROW SET NEW.email = LOWER(NEW.email);
