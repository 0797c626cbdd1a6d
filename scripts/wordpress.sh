#!/usr/bin/env bash
# A real WordPress for the contract tests (test/wordpress/), from Debian's packages,
# on loopback only:
#
#   scripts/wordpress.sh start    MariaDB + WordPress on http://127.0.0.1:8081/, with the fixtures and
#                                 the example theme (docs/wordpress-theme/); Debian's Twenty Twenty-One
#                                 and Twenty Twenty-Three are installed too, for the plugin's tests
#   scripts/wordpress.sh stop     stops both and deletes every byte of their data
#   scripts/wordpress.sh status   says whether it runs (exit status 0) or not (3)
#   scripts/wordpress.sh packages installs the Debian packages below when some are missing (as root;
#                                 otherwise prints the command to run as root and fails)
#   scripts/wordpress.sh run COMMAND [ARGUMENTS...]
#                                 runs COMMAND against the site: starts it first unless it runs already,
#                                 and then stops what it started, whether COMMAND passes, fails or is
#                                 interrupted (`npm run test:wordpress` runs the tests so)
#
# Both start and stop are idempotent: start leaves a healthy running site alone (and
# starts afresh after a crash); stop does nothing when nothing runs.
#
# Needs Debian's wordpress, its two themes, mariadb-server, php-cli, php-mysql and php-codesniffer (start installs them when
# run as root, through scripts/debian-packages.js, with Debian's services kept off: the
# site runs on PHP's built-in server and a MariaDB of its own), and root, to write Debian's
# per-host WordPress settings, /etc/wordpress/config-127.0.0.1.php.
#
# MariaDB listens on a Unix socket in the data folder and on no TCP port at all; PHP's
# built-in server answers on 127.0.0.1:$NEWS_WIDGETS_WP_PORT. Data (database, uploads,
# must-use plugins, plugins, logs) lives in $NEWS_WIDGETS_WP_DIR, by default a folder in $TMPDIR.
# WordPress's PHP notices, warnings and errors go to debug.log there (WP_DEBUG_LOG).
# The tests read $NEWS_WIDGETS_WP_DIR/site.json: the URL, the fixtures' ids, an admin
# application password.
set -euo pipefail

PORT="${NEWS_WIDGETS_WP_PORT:-8081}"
DIR="${NEWS_WIDGETS_WP_DIR:-${TMPDIR:-/tmp}/news-widgets-wordpress}"
HOST=127.0.0.1
URL="http://$HOST:$PORT"
WORDPRESS=/usr/share/wordpress
CONFIG="/etc/wordpress/config-$HOST.php"
MARK='news-widgets scripts/wordpress.sh'
HERE="$(cd "$(dirname "$0")/.." && pwd)"
SERVER_FILES="$HERE/test/wordpress/server"
SOCKET="$DIR/mysql/mysqld.sock"
# MariaDB's programs live in /usr/sbin, which a user's PATH often lacks.
PATH="$PATH:/usr/sbin"

log() { printf 'wordpress.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
# The pid in a pid file, when that process is still the one this script started (its command line names $2).
pid_in() {
  local pid
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && grep -qF -- "$2" <<<"$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" && echo "$pid" || true
}

# GET a URL with php-cli (no curl needed); prints the body, fails on no answer or >= 400.
http_get() {
  php -r '$c = stream_context_create(["http" => ["timeout" => 5, "ignore_errors" => true]]);
    $body = @file_get_contents($argv[1], false, $c);
    if ($body === false) exit(2);
    preg_match("{^HTTP/\S+ (\d+)}", $http_response_header[0] ?? "", $m);
    echo $body; exit(($m[1] ?? 500) >= 400 ? 1 : 0);' "$1"
}

healthy() {
  [[ -f "$DIR/site.json" && -f "$CONFIG" ]] || return 1
  alive "$(pid_in "$DIR/php.pid" "$DIR/router.php")" && alive "$(pid_in "$DIR/mysql/mysqld.pid" "$DIR/mysql")" || return 1
  http_get "$URL/?rest_route=/wp/v2/posts&per_page=1&_fields=id" >/dev/null 2>&1
}

# Whether the site answers, as far as a user other than root can tell (MariaDB's pid file is root's).
answers() {
  [[ -r "$DIR/site.json" ]] && http_get "$URL/?rest_route=/wp/v2/posts&per_page=1&_fields=id" >/dev/null 2>&1
}

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# The process group in a pid file, when a process of it is still one this script started
# (its command line names $2): PHP's server leads a group of its own, with its workers.
group_in() {
  local pgid pid
  pgid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pgid" =~ ^[0-9]+$ ]] || return 0
  if [[ -n "$(pid_in "$1" "$2")" ]]; then echo "$pgid"; return 0; fi
  # The leader is gone (killed on its own): look for workers left in its group.
  for stat in /proc/[0-9]*/stat; do
    pid="${stat#/proc/}"; pid="${pid%/stat}"
    # Field 5 of /proc/PID/stat is the process group (after the command name in parentheses).
    [[ "$(sed -E 's/^.*\) //' "$stat" 2>/dev/null | cut -d' ' -f3)" == "$pgid" ]] || continue
    if grep -qF -- "$2" <<<"$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"; then echo "$pgid"; return 0; fi
  done
}

# Sends TERM to a process (or, with a leading -, a process group) and waits for it to end; KILL after $2 seconds.
stop_process() {
  local target=$1 seconds=$2
  kill -0 -- "$target" 2>/dev/null || return 0
  kill -TERM -- "$target" 2>/dev/null || true
  wait_for "$seconds" bash -c "! kill -0 -- $target" && return 0
  log "$target did not stop in ${seconds}s: killing it"
  kill -KILL -- "$target" 2>/dev/null || true
  wait_for 5 bash -c "! kill -0 -- $target" || true
}

stop() {
  if [[ -d "$DIR" && ! -f "$DIR/.news-widgets-wordpress" ]]; then
    die "$DIR exists but was not made by this script: not touching it (set NEWS_WIDGETS_WP_DIR to another folder)"
  fi
  local php_group mysql_pid
  php_group="$(group_in "$DIR/php.pid" "$DIR/router.php")"
  mysql_pid="$(pid_in "$DIR/mysql/mysqld.pid" "$DIR/mysql")"
  [[ -n "$php_group" ]] && stop_process "-$php_group" 10
  [[ -n "$mysql_pid" ]] && stop_process "$mysql_pid" 60
  if [[ -f "$CONFIG" ]] && grep -qF "$MARK" "$CONFIG"; then rm -f "$CONFIG"; fi
  [[ -d "$DIR" ]] && rm -rf "$DIR"
  return 0
}

# The Debian packages, with why each is needed (for scripts/debian-packages.js).
PACKAGES=(
  'wordpress=WordPress itself'
  'mariadb-server=MariaDB, its database (a server of its own in the data folder, no service)'
  "php-cli=PHP, whose built-in server serves it on $HOST:$PORT"
  "php-mysql=PHP's MariaDB driver"
  'wordpress-theme-twentytwentyone=a classic theme the WordPress plugin (wordpress-plugin/) is tested with'
  'wordpress-theme-twentytwentythree=a block theme the WordPress plugin is tested with'
  "php-codesniffer=phpcs, which checks the WordPress plugin's PHP"
)
# Debian's themes, which the test site links into its own wp-content/themes.
DEBIAN_THEMES=(twentytwentyone twentytwentythree)

# The programs this script runs, from the packages above.
programs_present() {
  command -v php >/dev/null || return 1
  # Not `php -m | grep -q`: grep stops reading at the first match, php dies of SIGPIPE, and pipefail reports a failure.
  grep -qx mysqli <<<"$(php -m 2>/dev/null)" || return 1
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || return 1
  command -v phpcs >/dev/null || return 1
  local theme
  for theme in "${DEBIAN_THEMES[@]}"; do [[ -f "$WORDPRESS/wp-content/themes/$theme/style.css" ]] || return 1; done
  [[ -f "$WORDPRESS/wp-config.php" ]]
}

# Installs the missing packages as root, saying which and why; otherwise prints the command to run as root, and fails.
packages() {
  programs_present && return 0
  if command -v node >/dev/null; then
    node "$HERE/scripts/debian-packages.js" --for 'the WordPress contract tests' --keep-services-off "${PACKAGES[@]}" || exit 1
  fi
  programs_present || die "PHP, MariaDB or WordPress is missing: install Debian's ${PACKAGES[*]%%=*} (npm run test:wordpress does, run as root)"
}

# The command that runs this script as root: through sudo when there is one, otherwise su.
as_root() {
  if command -v sudo >/dev/null; then echo "sudo $0 $*"; else echo "su -c '$0 $*'"; fi
}

require_packages() {
  packages
  [[ -w /etc/wordpress ]] || die "cannot write $CONFIG: start the test WordPress as root ($(as_root start)), or run npm run test:wordpress as root"
  if [[ -f "$CONFIG" ]] && ! grep -qF "$MARK" "$CONFIG"; then
    die "$CONFIG exists and was not written by this script: move it away first"
  fi
}

# The example theme of docs/wordpress.md (docs/wordpress-theme/), linked file by file so the
# site runs the code in the repository, with assets/ the built bundle (dist/); then
# activated, with the post its tests comment on (test/wordpress/server/theme.php).
# The router and must-use plugins are copied again too, for a site that already runs.
install_theme() {
  local theme="$DIR/wp-content/themes/news-widgets-example" entry
  mkdir -p "$theme"
  for entry in "$HERE"/docs/wordpress-theme/*; do ln -sfn "$entry" "$theme/$(basename "$entry")"; done
  ln -sfn "$HERE/dist" "$theme/assets"
  for entry in "${DEBIAN_THEMES[@]}"; do ln -sfn "$WORDPRESS/wp-content/themes/$entry" "$DIR/wp-content/themes/$entry"; done
  cp "$SERVER_FILES/router.php" "$DIR/router.php"
  cp "$SERVER_FILES"/mu-plugins/*.php "$DIR/wp-content/mu-plugins/"
  NEWS_WIDGETS_WP_URL="$URL" php "$SERVER_FILES/theme.php" >/dev/null || die "activating the example theme failed"
}

start() {
  require_packages
  if healthy; then
    # A site started by an older checkout gets this checkout's theme and router.
    install_theme
    log "already running at $URL/ (data in $DIR)"
    return 0
  fi
  local started=$SECONDS
  stop # leftovers of a crash or of an earlier run
  if php -r '$s = @fsockopen($argv[1], (int) $argv[2], $e, $m, 1); exit($s ? 0 : 1);' "$HOST" "$PORT"; then
    die "something else listens on $HOST:$PORT: set NEWS_WIDGETS_WP_PORT to a free port"
  fi

  mkdir -p "$DIR/wp-content/mu-plugins" "$DIR/wp-content/plugins" "$DIR/wp-content/uploads" "$DIR/mysql"
  chmod 755 "$DIR"
  touch "$DIR/.news-widgets-wordpress"

  # MariaDB: a new database in the data folder; no TCP port, only the socket.
  local user_args=()
  if ((EUID == 0)); then user_args=(--user=mysql); chown mysql:mysql "$DIR/mysql"; fi
  mariadb-install-db --no-defaults "${user_args[@]}" --datadir="$DIR/mysql" --auth-root-authentication-method=socket \
    --skip-test-db >"$DIR/mariadb-install.log" 2>&1 || { cat "$DIR/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
  setsid mariadbd --no-defaults "${user_args[@]}" --datadir="$DIR/mysql" --socket="$SOCKET" \
    --pid-file="$DIR/mysql/mysqld.pid" --skip-networking --log-error="$DIR/mariadb.log" \
    --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    </dev/null >/dev/null 2>&1 &
  wait_for 60 mariadb-admin --no-defaults --socket="$SOCKET" -uroot ping || { cat "$DIR/mariadb.log" >&2; die "MariaDB did not start"; }
  local db_password
  db_password="$(php -r 'echo bin2hex(random_bytes(12));')"
  mariadb --no-defaults --socket="$SOCKET" -uroot <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
SQL

  # Debian's wp-config.php reads /etc/wordpress/config-<host>.php.
  local salts
  salts="$(php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) printf("define(%s, %s);\n", var_export($k, true), var_export(bin2hex(random_bytes(32)), true));')"
  cat >"$CONFIG" <<PHP
<?php
// Written by $MARK for the contract tests; \`scripts/wordpress.sh stop\` removes it.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost:$SOCKET');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
// Uploads and must-use plugins live in the data folder; test/wordpress/server/router.php serves uploads.
define('WP_CONTENT_DIR', '$DIR/wp-content');
define('WP_CONTENT_URL', '$URL/wp-content');
// 'local' lets application passwords work over plain http.
define('WP_ENVIRONMENT_TYPE', 'local');
// No outside network: no update checks, no cron requests to itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// PHP's notices, warnings and errors go to a log the plugin's tests read, never into a page.
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$DIR/debug.log');
// Plugins install through wp-admin's upload straight into wp-content/plugins.
define('FS_METHOD', 'direct');
$salts
PHP
  chmod 640 "$CONFIG"

  cp "$SERVER_FILES"/mu-plugins/*.php "$DIR/wp-content/mu-plugins/"
  cp "$SERVER_FILES/router.php" "$DIR/router.php"

  # PHP's built-in server, with a few workers (the browser sends requests in parallel).
  NEWS_WIDGETS_WP_CONTENT="$DIR/wp-content" PHP_CLI_SERVER_WORKERS=4 \
    setsid php -S "$HOST:$PORT" -t "$WORDPRESS" "$DIR/router.php" </dev/null >"$DIR/php.log" 2>&1 &
  echo $! >"$DIR/php.pid"
  wait_for 30 php -r '$s = @fsockopen($argv[1], (int) $argv[2], $e, $m, 1); exit($s ? 0 : 1);' "$HOST" "$PORT" ||
    { cat "$DIR/php.log" >&2; die "PHP's server did not start"; }

  NEWS_WIDGETS_WP_URL="$URL" php "$SERVER_FILES/setup.php" install || die "WordPress install failed"
  NEWS_WIDGETS_WP_URL="$URL" php "$SERVER_FILES/setup.php" fixtures >"$DIR/site.json.tmp" || die "creating the fixtures failed"
  mv "$DIR/site.json.tmp" "$DIR/site.json"
  install_theme

  healthy || { tail -20 "$DIR/php.log" >&2; die "WordPress does not answer at $URL/?rest_route=/wp/v2/posts"; }
  log "WordPress $(php -r 'echo json_decode(file_get_contents($argv[1]))->wordpress;' "$DIR/site.json") at $URL/ in $((SECONDS - started)) s (data in $DIR; stop with: $0 stop)"
}

status() {
  if healthy; then
    log "running at $URL/ (data in $DIR)"
  else
    log "not running"
    return 3
  fi
}

# Whether a process has ended (a zombie, ended but not yet waited for, has).
ended() {
  local state
  state="$(sed -E 's/^.*\) (.).*$/\1/' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -z "$state" || "$state" == Z ]]
}

# The command of `run`, in a session of its own (so that it and everything it starts can
# be stopped at once, and a Ctrl-C reaches this script first), and whether this run
# started WordPress.
command_pid=
started_here=

# Stops the command of `run` and whatever it started and left in its session: TERM, KILL after 15 s.
stop_command() {
  [[ -n "$command_pid" ]] || return 0
  if ! ended "$command_pid"; then
    kill -TERM -- "-$command_pid" 2>/dev/null || true
    wait_for 15 ended "$command_pid" || kill -KILL -- "-$command_pid" 2>/dev/null || true
  fi
  wait "$command_pid" 2>/dev/null || true
  stop_process "-$command_pid" 10
}

finish() {
  local status=$?
  trap '' INT TERM HUP
  stop_command
  if [[ -n "$started_here" ]]; then
    log "stopping the WordPress this run started"
    stop
  fi
  exit "$status"
}

interrupted() {
  log "interrupted ($1): stopping the tests${started_here:+ and WordPress}"
  case "$1" in HUP) exit 129 ;; INT) exit 130 ;; *) exit 143 ;; esac
}

run() {
  (($#)) || { echo "usage: $0 run COMMAND [ARGUMENTS...]" >&2; exit 2; }
  trap finish EXIT
  trap 'interrupted INT' INT
  trap 'interrupted TERM' TERM
  trap 'interrupted HUP' HUP
  packages
  if [[ ! -w /etc/wordpress ]] && answers; then
    log "using the WordPress running at $URL/ (data in $DIR)"
  elif ! healthy; then
    require_packages # before anything is started: root, and Debian's settings file free
    started_here=1
    start
  else
    start # refreshes the theme and router from this checkout
  fi
  # Asynchronous, and waited for with `wait`: a signal then runs its trap at once.
  setsid "$@" &
  command_pid=$!
  local status=0
  wait "$command_pid" || status=$?
  exit "$status"
}

case "${1:-}" in
  start) start ;;
  stop) stop; log "stopped" ;;
  status) status ;;
  packages) packages ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 start|stop|status|packages|run COMMAND..." >&2; exit 2 ;;
esac
