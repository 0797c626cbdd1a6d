<?php
/**
 * Plugin Name: news-widgets test site: no update checks
 * Description: The test site has no outside network (WP_HTTP_BLOCK_EXTERNAL): WordPress does not ask WordPress.org for updates of itself, its plugins and themes, each of which would fail and log a PHP warning from wp-admin. The plugin's tests read that log.
 */
foreach (['_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes'] as $news_widgets_check) {
    remove_action('admin_init', $news_widgets_check);
}
foreach (['load-plugins.php', 'load-update.php', 'load-update-core.php'] as $news_widgets_screen) {
    remove_action($news_widgets_screen, 'wp_update_plugins');
}
foreach (['load-themes.php', 'load-update.php', 'load-update-core.php'] as $news_widgets_screen) {
    remove_action($news_widgets_screen, 'wp_update_themes');
}
remove_action('wp_version_check', 'wp_version_check');
remove_action('wp_update_plugins', 'wp_update_plugins');
remove_action('wp_update_themes', 'wp_update_themes');
// After a plugin or theme is installed, too (wp-admin adds these once it has loaded).
add_action('admin_init', function () {
    foreach (['wp_version_check', 'wp_update_plugins', 'wp_update_themes'] as $news_widgets_check) {
        remove_action('upgrader_process_complete', $news_widgets_check, 10);
    }
});
