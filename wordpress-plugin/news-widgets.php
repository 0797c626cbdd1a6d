<?php

/**
 * Plugin Name:       News Widgets
 * Plugin URI:        https://github.com/news-widgets/news-widgets
 * Description:       Upgrades your theme's comment form and comments: drafts that survive reloads, retries, accessible replies. Without JavaScript all works as before.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * Author:            news-widgets
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       news-widgets
 *
 * The plugin's entry point: it loads the parts below and hooks them into WordPress.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

define('NEWS_WIDGETS_VERSION', '0.1.0');
define('NEWS_WIDGETS_FILE', __FILE__);

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/bundle.php';
require_once __DIR__ . '/includes/markup.php';
require_once __DIR__ . '/includes/comments.php';
require_once __DIR__ . '/includes/article-shortcode.php';
require_once __DIR__ . '/includes/settings-page.php';

news_widgets_hook_bundle();
news_widgets_hook_comments();
news_widgets_hook_article_shortcode();
news_widgets_hook_settings_page();
