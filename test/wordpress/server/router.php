<?php
/**
 * Router for PHP's built-in server (`php -S`), run by scripts/wordpress.sh. Debian's
 * WordPress keeps wp-content outside its document root; the test site keeps it in a
 * temporary folder (WP_CONTENT_DIR): this serves uploads, theme and plugin files from there. Every other
 * request goes to WordPress as PHP's server would send it.
 */
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$code = str_starts_with($path, '/wp-content/themes/') || str_starts_with($path, '/wp-content/plugins/');
if ((str_starts_with($path, '/wp-content/uploads/') || $code) && !str_contains($path, '..')) {
    $file = getenv('NEWS_WIDGETS_WP_CONTENT') . substr($path, strlen('/wp-content'));
    $types = ['png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif', 'webp' => 'image/webp', 'js' => 'text/javascript; charset=utf-8', 'css' => 'text/css; charset=utf-8', 'map' => 'application/json', 'svg' => 'image/svg+xml', 'woff' => 'font/woff', 'woff2' => 'font/woff2'];
    $type = $types[strtolower(pathinfo($file, PATHINFO_EXTENSION))] ?? null;
    // A theme's or plugin's PHP is run by WordPress, never sent as text.
    if (!is_file($file) || (!$type && $code)) {
        http_response_code(404);
        return true;
    }
    header('Content-Type: ' . ($type ?? 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}
return false;
