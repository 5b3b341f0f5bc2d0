-- Run once by the official postgres image on an empty data directory
-- (/docker-entrypoint-initdb.d): one database and one owner per subgraph, so no service can
-- read another's tables. Passwords here are development values; docker-compose.yml uses them.
CREATE ROLE citizens LOGIN PASSWORD 'citizens';
CREATE DATABASE jobcenter_citizens OWNER citizens;
CREATE ROLE plans LOGIN PASSWORD 'plans';
CREATE DATABASE jobcenter_plans OWNER plans;
CREATE ROLE meetings LOGIN PASSWORD 'meetings';
CREATE DATABASE jobcenter_meetings OWNER meetings;
CREATE ROLE placements LOGIN PASSWORD 'placements';
CREATE DATABASE jobcenter_placements OWNER placements;
CREATE ROLE insights LOGIN PASSWORD 'insights';
CREATE DATABASE jobcenter_insights OWNER insights;
-- The access log of each database belongs to a NOLOGIN role; the service's role may only read
-- and append (and purge through a SECURITY DEFINER function): see the kit migration
-- KitAccessLogPrivileges. ADMIN lets the migration hand the table over; SET/INHERIT FALSE keep
-- the service from acting as the owner.
CREATE ROLE jobcenter_citizens_access_log NOLOGIN;
GRANT jobcenter_citizens_access_log TO citizens WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
CREATE ROLE jobcenter_plans_access_log NOLOGIN;
GRANT jobcenter_plans_access_log TO plans WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
CREATE ROLE jobcenter_meetings_access_log NOLOGIN;
GRANT jobcenter_meetings_access_log TO meetings WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
CREATE ROLE jobcenter_placements_access_log NOLOGIN;
GRANT jobcenter_placements_access_log TO placements WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
CREATE ROLE jobcenter_insights_access_log NOLOGIN;
GRANT jobcenter_insights_access_log TO insights WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
