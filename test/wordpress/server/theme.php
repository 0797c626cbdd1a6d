<?php
/**
 * Activates the example theme (docs/wordpress-theme/, which scripts/wordpress.sh links
 * into the test site as `news-widgets-example`) and makes the post the server-rendered
 * form tests comment on. Run with php-cli by scripts/wordpress.sh after setup.php, and
 * again on every `start` (idempotent: the post is found by slug).
 *
 * Environment: NEWS_WIDGETS_WP_URL (http://127.0.0.1:PORT).
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);

require __DIR__ . '/cli-environment.php';

const THEME = 'news-widgets-example';
const SLUG = 'server-rendered-comment-form';

require '/usr/share/wordpress/wp-load.php';

function fail(string $message): never {
    fwrite(STDERR, "theme.php: $message\n");
    exit(1);
}

$theme = wp_get_theme(THEME);
if (!$theme->exists() || $theme->errors()) fail('theme ' . THEME . ' is missing or broken: ' . ($theme->errors() ? $theme->errors()->get_error_message() : 'not found'));
if (get_stylesheet() !== THEME) switch_theme(THEME);

$admin = get_user_by('login', 'admin') ?: fail('no admin user: run setup.php first');
wp_set_current_user($admin->ID);
$found = get_posts(['name' => SLUG, 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1]);
if (!$found) {
    $id = wp_insert_post([
        'post_name' => SLUG,
        'post_title' => 'Readers comment with or without JavaScript',
        'post_content' => "<p>This report's comment form is WordPress's own, taken over by &lt;comment-form&gt; when the script runs.</p>",
        'post_status' => 'publish',
        'post_type' => 'post',
        'comment_status' => 'open',
        'post_date' => '2022-03-14 10:00:00',
        'post_date_gmt' => '2022-03-14 07:00:00',
    ], true);
    if (is_wp_error($id)) fail($id->get_error_message());
}
echo 'theme ', get_stylesheet(), ', post ', SLUG, "\n";
