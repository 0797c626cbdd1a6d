<?php
/**
 * What the WordPress plugin's tests (test/wordpress/plugin.test.js) change on the test
 * site besides what they do in wp-admin, run with php-cli (WP-CLI is not in Debian 12):
 *
 *   php plugin-site.php theme SLUG          activates a theme (twentytwentyone, twentytwentythree)
 *   php plugin-site.php option NAME VALUE   sets one of WordPress's options (comment_registration…)
 *   php plugin-site.php hold POST_ID        holds new comments on a post for moderation (see mu-plugins/)
 *   php plugin-site.php forget POST_ID...   deletes posts and their comments for good (the tests' own
 *                                           posts, so that the site's post list stays as its fixtures make it)
 *   php plugin-site.php delete              deletes the plugin as Plugins → Delete does (its uninstall.php
 *                                           runs); prints whether its option is left, as JSON
 *   php plugin-site.php restore             the site as scripts/wordpress.sh left it: the example theme,
 *                                           no plugin, WordPress's discussion settings of setup.php
 *
 * Environment: NEWS_WIDGETS_WP_URL (http://127.0.0.1:PORT).
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);

require __DIR__ . '/cli-environment.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/theme.php';

const PLUGIN = 'news-widgets/news-widgets.php';
const EXAMPLE_THEME = 'news-widgets-example';

function fail(string $message): never {
    fwrite(STDERR, "plugin-site.php: $message\n");
    exit(1);
}

function activate_theme(string $slug): void {
    $theme = wp_get_theme($slug);
    if (!$theme->exists() || $theme->errors()) fail("theme $slug is missing or broken");
    if (get_stylesheet() !== $slug) switch_theme($slug);
}

function delete_plugin(): bool {
    if (!file_exists(WP_PLUGIN_DIR . '/' . PLUGIN)) return false;
    deactivate_plugins([PLUGIN], true);
    $admin = get_user_by('login', 'admin') ?: fail('no admin user');
    wp_set_current_user($admin->ID);
    $result = delete_plugins([PLUGIN]);
    if (is_wp_error($result) || !$result) fail('deleting the plugin failed: ' . (is_wp_error($result) ? $result->get_error_message() : 'no answer'));
    return true;
}

[, $command, $a, $b] = $argv + [null, '', '', ''];
switch ($command) {
    case 'theme':
        activate_theme($a);
        echo get_stylesheet(), "\n";
        break;
    case 'option':
        update_option($a, $b);
        break;
    case 'hold':
        update_post_meta((int) $a, '_news_widgets_hold_comments', '1');
        break;
    case 'forget':
        foreach (array_slice($argv, 2) as $id) wp_delete_post((int) $id, true);
        break;
    case 'delete':
        $deleted = delete_plugin();
        echo json_encode(['deleted' => $deleted, 'optionLeft' => get_option('news_widgets_options', null) !== null]), "\n";
        break;
    case 'restore':
        delete_plugin();
        activate_theme(EXAMPLE_THEME);
        update_option('comment_registration', '0');
        update_option('require_name_email', '1');
        break;
    default:
        fail('usage: php plugin-site.php theme SLUG | option NAME VALUE | hold POST_ID | forget POST_ID... | delete | restore');
}
