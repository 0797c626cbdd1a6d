<?php

/**
 * Loads the elements' script as a module, on pages that show one of them: with
 * wp_enqueue_script_module on WordPress 6.5 and later, as a `<script type="module">` in
 * the footer before that. A page with an article of the shortcode loads
 * assets/news-widgets.js; a page with the comments only (the theme prints the post)
 * loads assets/news-widgets-comments.js, the same form and list without the article's
 * code, so the form is ready sooner. Each loads its chunks from beside it; a page loads
 * one of the two.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWS_WIDGETS_HANDLE = 'news-widgets';
/** The comments bundle's handle, for script modules (WordPress 6.5 and later), where each address has its own. */
const NEWS_WIDGETS_COMMENTS_HANDLE = 'news-widgets-comments';

function news_widgets_hook_bundle(): void
{
    add_filter('script_loader_tag', 'news_widgets_module_script_tag', 10, 3);
    add_action('wp_footer', 'news_widgets_print_tag_renames', 100);
}

/**
 * The address of the bundle this page needs, as is: its chunks import it by that address,
 * and the browser runs a module once per address, so a `?ver=` here would run it twice.
 *
 * @param bool|null $with_article Whether the page shows an article of ours; by default, what it asked for so far.
 */
function news_widgets_bundle_url(?bool $with_article = null): string
{
    $with_article = $with_article ?? news_widgets_bundle_requested()['article'];
    return plugins_url($with_article ? 'assets/news-widgets.js' : 'assets/news-widgets-comments.js', NEWS_WIDGETS_FILE);
}

/**
 * Asks for the elements' script on this page (any number of calls load one bundle, once).
 *
 * @param bool $with_article True for a `<news-article>`: the page then loads the full bundle.
 */
function news_widgets_enqueue_bundle(bool $with_article = false): void
{
    $requested = news_widgets_bundle_requested(true, $with_article);
    if (function_exists('wp_enqueue_script_module')) {
        if ($requested['article']) {
            wp_dequeue_script_module(NEWS_WIDGETS_COMMENTS_HANDLE);
            wp_enqueue_script_module(NEWS_WIDGETS_HANDLE, news_widgets_bundle_url(true), [], null);
        } else {
            wp_enqueue_script_module(NEWS_WIDGETS_COMMENTS_HANDLE, news_widgets_bundle_url(false), [], null);
        }
        return;
    }
    // Printed in the footer, once the page is written: news_widgets_module_script_tag gives it the address then.
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
    unset($src); // The bundle is chosen now that the whole page has asked for what it shows.
    return sprintf("<script type=\"module\" src=\"%s\" id=\"news-widgets-js\"></script>\n", esc_url(news_widgets_bundle_url()));
}

/**
 * Under tag names of the `news_widgets_tag_names` filter, the elements are registered
 * under those names too, from the same module (one copy of the code).
 */
function news_widgets_print_tag_renames(): void
{
    $tags = news_widgets_tag_names();
    $classes = ['comment-form' => 'CommentFormElement'];
    if (news_widgets_bundle_requested()['article']) {
        $classes['news-article'] = 'NewsArticleElement';
    }
    $defines = [];
    foreach ($tags as $element => $tag) {
        if ($tag !== $element && isset($classes[$element])) {
            $defines[] = sprintf(
                'customElements.get(%1$s) || %2$s.define(%1$s);',
                wp_json_encode($tag),
                $classes[$element]
            );
        }
    }
    if (!$defines || !news_widgets_bundle_requested()['any']) {
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
 * What this page asked for: the bundle at all, and an article of ours.
 *
 * @param bool $now          True when it asks now.
 * @param bool $with_article True when it asks for an article.
 * @return array{any: bool, article: bool}
 */
function news_widgets_bundle_requested(bool $now = false, bool $with_article = false): array
{
    static $requested = ['any' => false, 'article' => false];
    $requested['any'] = $requested['any'] || $now;
    $requested['article'] = $requested['article'] || ($now && $with_article);
    return $requested;
}
