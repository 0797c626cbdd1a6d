<?php

/**
 * The plugin's one option (which upgrades are on) and the tag names the elements use.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWS_WIDGETS_OPTION = 'news_widgets_options';

/**
 * The upgrades and whether each is on: both are, until the site owner turns one off.
 *
 * @return array{form: bool, list: bool}
 */
function news_widgets_options(): array
{
    $saved = get_option(NEWS_WIDGETS_OPTION, []);
    $saved = is_array($saved) ? $saved : [];
    return [
        'form' => (bool) ($saved['form'] ?? true),
        'list' => (bool) ($saved['list'] ?? true),
    ];
}

/**
 * What the settings form sends, as the option stores it: a box left unticked is off.
 *
 * @param mixed $input The submitted values.
 * @return array{form: bool, list: bool}
 */
function news_widgets_sanitize_options($input): array
{
    $input = is_array($input) ? $input : [];
    return [
        'form' => !empty($input['form']),
        'list' => !empty($input['list']),
    ];
}

/**
 * The tags the elements are printed and registered under. Another plugin may have taken
 * `<comment-form>` or `<news-article>`: the `news_widgets_tag_names` filter gives ours
 * other names. A name that is not a valid custom element name keeps the default.
 *
 * @return array{comment-form: string, news-article: string}
 */
function news_widgets_tag_names(): array
{
    $defaults = ['comment-form' => 'comment-form', 'news-article' => 'news-article'];
    $names = apply_filters('news_widgets_tag_names', $defaults);
    $tags = [];
    foreach ($defaults as $element => $default) {
        $name = is_array($names) && isset($names[$element]) ? strtolower((string) $names[$element]) : $default;
        $tags[$element] = preg_match('/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/', $name) ? $name : $default;
    }
    return $tags;
}
