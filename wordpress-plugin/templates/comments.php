<?php

/**
 * The theme's comments template, run as WordPress runs it, with its thread and form put
 * inside `<comment-list>` (includes/comments.php).
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

ob_start();
require news_widgets_theme_comments_template();
// The theme's own HTML, escaped by the theme; the plugin's attributes are escaped in news_widgets_attributes().
echo news_widgets_wrap_comments((string) ob_get_clean(), (int) get_the_ID());
