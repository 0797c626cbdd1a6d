<?php

/**
 * Settings → News Widgets: the two upgrades, on or off, and what the plugin does with
 * the site's own settings. Only users who manage options see or change it; WordPress's
 * settings API checks their nonce.
 *
 * @package NewsWidgets
 */

if (!defined('ABSPATH')) {
    exit;
}

const NEWS_WIDGETS_PAGE = 'news-widgets';

function news_widgets_hook_settings_page(): void
{
    add_action('admin_init', 'news_widgets_register_setting');
    add_action('admin_menu', 'news_widgets_add_settings_page');
    add_filter('plugin_action_links_' . plugin_basename(NEWS_WIDGETS_FILE), 'news_widgets_settings_link');
}

function news_widgets_register_setting(): void
{
    register_setting(NEWS_WIDGETS_PAGE, NEWS_WIDGETS_OPTION, [
        'type' => 'object',
        'sanitize_callback' => 'news_widgets_sanitize_options',
        'default' => ['form' => true, 'list' => true],
    ]);
}

function news_widgets_add_settings_page(): void
{
    add_options_page(
        __('News Widgets', 'news-widgets'),
        __('News Widgets', 'news-widgets'),
        'manage_options',
        NEWS_WIDGETS_PAGE,
        'news_widgets_render_settings_page'
    );
}

/**
 * "Settings" beside "Deactivate" in the plugins list.
 *
 * @param array $links The plugin's action links.
 */
function news_widgets_settings_link($links): array
{
    $url = admin_url('options-general.php?page=' . NEWS_WIDGETS_PAGE);
    $link = sprintf('<a href="%s">%s</a>', esc_url($url), esc_html__('Settings', 'news-widgets'));
    return array_merge([$link], (array) $links);
}

/** The site's discussion settings the elements follow, as the page lists them. */
function news_widgets_followed_settings(): array
{
    $yes = __('yes', 'news-widgets');
    $no = __('no', 'news-widgets');
    $threaded = get_option('thread_comments');
    return [
        __('Comment author must fill out name and email', 'news-widgets') => get_option('require_name_email') ? $yes : $no,
        __('Users must be registered and logged in to comment', 'news-widgets') => get_option('comment_registration') ? $yes : $no,
        __('Threaded comments, levels deep', 'news-widgets') => $threaded ? (string) (int) get_option('thread_comments_depth') : $no,
        __('Comments per page', 'news-widgets') => get_option('page_comments') ? (string) (int) get_option('comments_per_page') : $no,
        __('Newer comments at the top', 'news-widgets') => 'desc' === get_option('comment_order') ? $yes : $no,
        __('Show avatars', 'news-widgets') => get_option('show_avatars') ? $yes : $no,
        __('Site language', 'news-widgets') => news_widgets_lang(),
    ];
}

function news_widgets_render_settings_page(): void
{
    if (!current_user_can('manage_options')) {
        wp_die(esc_html__('Sorry, you are not allowed to manage options for this site.', 'news-widgets'), 403);
    }
    $options = news_widgets_options();
    $tags = news_widgets_tag_names();
    $boxes = [
        'form' => sprintf(
            /* translators: %s: the element's tag, such as <comment-form>. */
            __(
                'Upgrade the comment form: WordPress’s form goes inside %s, which keeps drafts, retries failed posts and posts through the REST API.',
                'news-widgets'
            ),
            '<' . $tags['comment-form'] . '>'
        ),
        'list' => __(
            'Upgrade the comments: the theme’s list of comments goes inside <comment-list>, whose Reply moves the form under a comment and back, '
            . 'and which keeps a reader’s held comment in view for them.',
            'news-widgets'
        ),
    ];
    ?>
    <div class="wrap">
        <h1><?php echo esc_html(get_admin_page_title()); ?></h1>
        <form method="post" action="options.php">
            <?php settings_fields(NEWS_WIDGETS_PAGE); ?>
            <fieldset>
                <legend class="screen-reader-text"><?php esc_html_e('Upgrades', 'news-widgets'); ?></legend>
                <?php foreach ($boxes as $key => $label) : ?>
                    <p>
                        <label>
                            <input type="checkbox" name="<?php echo esc_attr(NEWS_WIDGETS_OPTION . '[' . $key . ']'); ?>" value="1" <?php checked($options[$key]); ?>>
                            <?php echo esc_html($label); ?>
                        </label>
                    </p>
                <?php endforeach; ?>
            </fieldset>
            <?php submit_button(); ?>
        </form>
        <h2><?php esc_html_e('What the plugin does', 'news-widgets'); ?></h2>
        <p>
            <?php
            esc_html_e(
                'On posts and pages with comments open, in any theme, the comment form and the comments are upgraded where the theme prints them; '
                . 'the theme is not changed. Readers without JavaScript see and use the theme’s own form and comments.',
                'news-widgets'
            );
            ?>
        </p>
        <p>
            <?php
            if (get_option('comment_registration')) {
                esc_html_e(
                    'Only signed-in readers can comment on this site: the REST API takes no comments from anyone else.',
                    'news-widgets'
                );
            } else {
                esc_html_e(
                    'Readers who are not signed in may comment on this site: the REST API takes their comments on the posts where the comment form is shown, and nowhere else.',
                    'news-widgets'
                );
            }
            ?>
        </p>
        <p><?php esc_html_e('The elements follow these settings of Settings → Discussion and Settings → General:', 'news-widgets'); ?></p>
        <table class="widefat striped">
            <tbody>
                <?php foreach (news_widgets_followed_settings() as $setting => $value) : ?>
                    <tr>
                        <th scope="row"><?php echo esc_html($setting); ?></th>
                        <td><?php echo esc_html($value); ?></td>
                    </tr>
                <?php endforeach; ?>
            </tbody>
        </table>
        <p>
            <?php
            printf(
                /* translators: %s: the shortcode. */
                esc_html__('To show another site’s article in a post, use %s.', 'news-widgets'),
                '<code>[news_article src="https://example.com/wp-json/wp/v2/posts/42?_embed"]</code>'
            );
            ?>
        </p>
    </div>
    <?php
}
