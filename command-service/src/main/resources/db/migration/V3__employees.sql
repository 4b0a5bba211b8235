-- Write model of employees. code is stored upper-case, so lookups are case-insensitive by construction.
CREATE TABLE employee (
    code              VARCHAR(20)  NOT NULL PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    email             VARCHAR(254) NOT NULL,
    job_title         VARCHAR(100) NULL,
    manager_code      VARCHAR(20)  NULL,
    hire_date         DATE         NOT NULL,
    last_working_date DATE         NULL,
    version           BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    CONSTRAINT fk_employee_manager FOREIGN KEY (manager_code) REFERENCES employee (code),
    INDEX ix_employee_manager (manager_code)
) ENGINE = InnoDB;

-- One row, locked by every command that changes the reporting hierarchy: cycle checks then see a stable tree.
CREATE TABLE hierarchy_lock (
    id TINYINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO hierarchy_lock (id) VALUES (1);
