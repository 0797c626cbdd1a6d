<?php

/**
 * Loads the elements' script (assets/news-widgets.js, the chunks beside it load from
 * there) as a module, on pages that show one of them: with wp_enqueue_script_module on
 * WordPress 6.5 and later, as a `<script type="module">` in the footer before that.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWS_WIDGETS_HANDLE = 'news-widgets';

function news_widgets_hook_bundle(): void
{
    add_filter('script_loader_tag', 'news_widgets_module_script_tag', 10, 3);
    add_action('wp_footer', 'news_widgets_print_tag_renames', 100);
}

/**
 * The bundle's address, as is: its chunks import `./news-widgets.js`, and the browser
 * runs a module once per address, so a `?ver=` here would run the bundle twice.
 */
function news_widgets_bundle_url(): string
{
    return plugins_url('assets/news-widgets.js', NEWS_WIDGETS_FILE);
}

/** Asks for the bundle on this page (any number of calls load it once). */
function news_widgets_enqueue_bundle(): void
{
    news_widgets_bundle_requested(true);
    if (function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module(NEWS_WIDGETS_HANDLE, news_widgets_bundle_url(), [], null);
        return;
    }
    wp_enqueue_script(NEWS_WIDGETS_HANDLE, news_widgets_bundle_url(), [], null, true);
}

/**
 * WordPress before 6.5 prints every script as a classic one: the bundle's tag becomes a module's.
 *
 * @param string $tag    The `<script>` tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 */
function news_widgets_module_script_tag($tag, $handle, $src): string
{
    if (NEWS_WIDGETS_HANDLE !== $handle) {
        return (string) $tag;
    }
    return sprintf("<script type=\"module\" src=\"%s\" id=\"news-widgets-js\"></script>\n", esc_url((string) $src));
}

/**
 * Under tag names of the `news_widgets_tag_names` filter, the elements are registered
 * under those names too, from the same module (one copy of the code).
 */
function news_widgets_print_tag_renames(): void
{
    $tags = news_widgets_tag_names();
    $classes = ['comment-form' => 'CommentFormElement', 'news-article' => 'NewsArticleElement'];
    $defines = [];
    foreach ($tags as $element => $tag) {
        if ($tag !== $element) {
            $defines[] = sprintf(
                'customElements.get(%1$s) || %2$s.define(%1$s);',
                wp_json_encode($tag),
                $classes[$element]
            );
        }
    }
    if (!$defines || !news_widgets_bundle_requested()) {
        return;
    }
    wp_print_inline_script_tag(
        sprintf(
            'import { %s } from %s; %s',
            implode(', ', array_values($classes)),
            wp_json_encode(news_widgets_bundle_url(), JSON_UNESCAPED_SLASHES),
            implode(' ', $defines)
        ),
        ['type' => 'module']
    );
}

/**
 * Whether this page asked for the bundle.
 *
 * @param bool $now True when it asks now.
 */
function news_widgets_bundle_requested(bool $now = false): bool
{
    static $requested = false;
    $requested = $requested || $now;
    return $requested;
}
