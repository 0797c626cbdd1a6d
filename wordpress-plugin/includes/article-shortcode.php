<?php

/**
 * `[news_article src="…" item="…"]`: another site's article, from its JSON Feed or its
 * WordPress REST API, shown by `<news-article>` in a post or page.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

function news_widgets_hook_article_shortcode(): void
{
    add_shortcode('news_article', 'news_widgets_article_shortcode');
}

/**
 * The shortcode's `<news-article>`: `src` is the feed or post's address, `item` the id
 * of one item of a feed. Without `src` nothing is printed.
 *
 * @param array|string $attributes The shortcode's attributes.
 */
function news_widgets_article_shortcode($attributes): string
{
    $attributes = shortcode_atts(['src' => '', 'item' => ''], is_array($attributes) ? $attributes : [], 'news_article');
    $src = esc_url_raw((string) $attributes['src'], ['http', 'https']);
    if ('' === $src) {
        return '';
    }
    news_widgets_enqueue_bundle(true);
    $tag = news_widgets_tag_names()['news-article'];
    $item = (string) $attributes['item'];
    return sprintf(
        '<%1$s%2$s></%1$s>',
        esc_html($tag),
        news_widgets_attributes(['src' => $src, 'item' => '' === $item ? null : $item, 'lang' => news_widgets_lang()])
    );
}
