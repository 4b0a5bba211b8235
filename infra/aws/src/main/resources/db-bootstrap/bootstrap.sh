# The one-off database bootstrap task's command (sh -c, stock mysql:8.4 client image). Waits for the primary, then
# runs infra/sql/users-and-grants.sql (inlined at synth time in place of the placeholder line) as the RDS master
# user. DB_HOST comes from the environment; MASTER_USER, MYSQL_PWD (read by the client) and the *_PW passwords
# arrive as ECS secrets. This header is dropped at synth time.
set -eu
for i in $(seq 1 30); do mysqladmin --host="$DB_HOST" --user="$MASTER_USER" ping && break; sleep 10; done
mysql --host="$DB_HOST" --user="$MASTER_USER" <<SQL
@USERS_AND_GRANTS_SQL@
SQL
echo database bootstrap done
