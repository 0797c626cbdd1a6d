<?php
/**
 * What WordPress expects of a web request, for the scripts that load it from the
 * command line (setup.php, theme.php). Environment: NEWS_WIDGETS_WP_URL.
 */
$site = getenv('NEWS_WIDGETS_WP_URL') ?: 'http://127.0.0.1:8081';
$parts = parse_url($site);
// Debian's wp-config.php picks /etc/wordpress/config-<host>.php from the Host header.
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['SERVER_PORT'] = $parts['port'] ?? 80;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
