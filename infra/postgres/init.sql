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
