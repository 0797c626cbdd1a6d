<?php
/**
 * Loads the news-widgets bundle (assets/news-widgets.js, with its news-widgets-*.js
 * chunks beside it) as a module on single posts, and lets WordPress print HTML5
 * comment form markup (type="email", type="url"), which <comment-form> reads.
 */

add_action('after_setup_theme', function () {
    add_theme_support('title-tag');
    add_theme_support('html5', ['comment-form', 'comment-list', 'script', 'style']);
});

// WordPress 6.5 or later: a script module.
add_action('wp_enqueue_scripts', function () {
    if (is_singular('post') && function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module('news-widgets', get_theme_file_uri('assets/news-widgets.js'));
    }
});

// Older versions (6.1 to 6.4): a module script tag in the footer.
add_action('wp_footer', function () {
    if (is_singular('post') && !function_exists('wp_enqueue_script_module')) {
        printf("<script type=\"module\" src=\"%s\"></script>\n", esc_url(get_theme_file_uri('assets/news-widgets.js')));
    }
});
