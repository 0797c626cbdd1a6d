<?php
/**
 * Installs the test WordPress and creates what the contract tests need. Run by
 * scripts/wordpress.sh with php-cli (WP-CLI is not in Debian 12), in two steps,
 * each in its own process:
 *
 *   php setup.php install    first install: site, admin user, discussion settings
 *   php setup.php fixtures   the posts; prints the site description (JSON) the tests read
 *
 * Environment: NEWS_WIDGETS_WP_URL (http://127.0.0.1:PORT). The fixtures are made
 * once, on a new database; running `fixtures` again finds them by slug.
 */
error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);

$step = $argv[1] ?? '';
require __DIR__ . '/cli-environment.php';

const ADMIN = 'admin';
const AUTHOR_LOGIN = 'foreign-desk';
const AUTHOR_NAME = 'Foreign Desk';
const HOLD_META = '_news_widgets_hold_comments';

function fail(string $message): never {
    fwrite(STDERR, "setup.php: $message\n");
    exit(1);
}

if ('install' === $step) {
    define('WP_INSTALLING', true);
    require '/usr/share/wordpress/wp-load.php';
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    add_filter('pre_wp_mail', '__return_false');
    if (!is_blog_installed()) {
        $result = wp_install('News Widgets test site', ADMIN, 'admin@example.com', false, '', wp_generate_password(24));
        if (empty($result['user_id'])) fail('wp_install failed');
    }
    // Discussion settings: WordPress's defaults, except the ones a test needs to be exact.
    $options = [
        'blogdescription' => 'The WordPress the news-widgets contract tests run against',
        'timezone_string' => 'Europe/Istanbul',
        'gmt_offset' => '',
        'permalink_structure' => '', // plain permalinks: the REST API answers at /?rest_route=
        'default_comment_status' => 'open',
        'require_name_email' => '1',
        'comment_registration' => '0',
        'close_comments_for_old_posts' => '0', // the seed article is from 2022
        'comment_moderation' => '0',
        // WordPress holds a first comment by an unknown author for moderation by default;
        // the tests post as new readers, and one post holds comments on purpose (see the mu-plugin).
        'comment_previously_approved' => '0',
        'comments_notify' => '0',
        'moderation_notify' => '0',
    ];
    foreach ($options as $name => $value) update_option($name, $value);
    exit(0);
}

if ('fixtures' !== $step) fail('usage: php setup.php install|fixtures');

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';

$admin = get_user_by('login', ADMIN) ?: fail('no admin user: run the install step first');
// An administrator posts unfiltered HTML (no kses on the fixtures).
wp_set_current_user($admin->ID);

// WordPress's sample content is not what the tests look at.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'name' => 'hello-world']) as $post) wp_delete_post($post->ID, true);
foreach (get_posts(['post_type' => 'page', 'post_status' => 'any', 'name' => 'sample-page']) as $post) wp_delete_post($post->ID, true);

$author = get_user_by('login', AUTHOR_LOGIN);
if (!$author) {
    $author_id = wp_insert_user([
        'user_login' => AUTHOR_LOGIN,
        'user_pass' => wp_generate_password(24),
        'user_email' => 'foreign-desk@example.com',
        'display_name' => AUTHOR_NAME,
        'nickname' => AUTHOR_NAME,
        'role' => 'author',
    ]);
    if (is_wp_error($author_id)) fail($author_id->get_error_message());
    $author = get_user_by('id', $author_id);
}

$news = get_term_by('name', 'News', 'category');
$news_id = $news ? (int) $news->term_id : (int) wp_create_category('News');
if (!$news_id) fail('could not create the category News');

/** Finds a post by slug, or creates it. */
function fixture_post(array $post): WP_Post {
    $found = get_posts(['name' => $post['post_name'], 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1]);
    if ($found) return $found[0];
    $id = wp_insert_post($post + ['post_status' => 'publish', 'post_type' => 'post'], true);
    if (is_wp_error($id)) fail($id->get_error_message());
    return get_post($id);
}

// The seed article, as the demo's JSON Feed carries it (names with their letters restored).
$feed = json_decode(file_get_contents(__DIR__ . '/../../../demo/article-feed.json'), true) ?: fail('cannot read demo/article-feed.json');
$item = $feed['items'][0];
$seed = fixture_post([
    'post_name' => 'ukraine-russia-talks-turkey-no-ceasefire',
    'post_title' => $item['title'],
    'post_content' => $item['content_html'],
    'post_excerpt' => '',
    'post_author' => $author->ID,
    'post_category' => [$news_id],
    // 13:00 in Antalya (UTC+3), the feed's date_published.
    'post_date' => '2022-03-10 13:00:00',
    'post_date_gmt' => '2022-03-10 10:00:00',
    'comment_status' => 'open',
]);

// A post with a featured image (a PNG made here, with alt text) and tags.
$image_post = fixture_post([
    'post_name' => 'antalya-forum-photo',
    'post_title' => 'Diplomats gather in Antalya',
    'post_content' => "<p>Delegations arrived in Antalya for the Diplomacy Forum on Friday.</p>\n<p>The forum follows Thursday’s talks between the foreign ministers of Russia and Ukraine.</p>",
    'post_author' => $author->ID,
    'post_category' => [$news_id],
    'tags_input' => ['Turkey', 'Diplomacy'],
    'post_date' => '2022-03-11 09:30:00',
    'post_date_gmt' => '2022-03-11 06:30:00',
]);
$image_alt = 'A blue test card with a yellow band across the middle';
$media_id = (int) get_post_thumbnail_id($image_post);
if (!$media_id) {
    $width = 1200;
    $height = 675;
    $png = imagecreatetruecolor($width, $height);
    imagefill($png, 0, 0, imagecolorallocate($png, 0, 87, 183));
    imagefilledrectangle($png, 0, (int) ($height * 0.4), $width, (int) ($height * 0.6), imagecolorallocate($png, 255, 215, 0));
    ob_start();
    imagepng($png);
    $bits = ob_get_clean();
    $upload = wp_upload_bits('antalya-test-card.png', null, $bits, '2022/03');
    if ($upload['error']) fail('upload: ' . $upload['error']);
    $media_id = wp_insert_attachment([
        'post_mime_type' => 'image/png',
        'post_title' => 'Antalya test card',
        'post_content' => '',
        'post_status' => 'inherit',
        'guid' => $upload['url'],
    ], $upload['file'], $image_post->ID, true);
    if (is_wp_error($media_id)) fail($media_id->get_error_message());
    wp_update_attachment_metadata($media_id, wp_generate_attachment_metadata($media_id, $upload['file']));
    update_post_meta($media_id, '_wp_attachment_image_alt', $image_alt);
    set_post_thumbnail($image_post, $media_id);
}

// A post with comments closed.
$closed = fixture_post([
    'post_name' => 'comments-closed',
    'post_title' => 'Comments are closed on this report',
    'post_content' => '<p>This report does not take comments.</p>',
    'post_author' => $author->ID,
    'post_category' => [$news_id],
    'comment_status' => 'closed',
    'post_date' => '2022-03-12 10:00:00',
    'post_date_gmt' => '2022-03-12 07:00:00',
]);

// A post on which new comments are held for moderation (test/wordpress/server/mu-plugins/news-widgets-test-site.php).
$held = fixture_post([
    'post_name' => 'comments-held-for-moderation',
    'post_title' => 'Comments on this report are moderated',
    'post_content' => '<p>Every comment on this report is read by an editor before it appears.</p>',
    'post_author' => $author->ID,
    'post_category' => [$news_id],
    'comment_status' => 'open',
    'post_date' => '2022-03-13 10:00:00',
    'post_date_gmt' => '2022-03-13 07:00:00',
]);
update_post_meta($held->ID, HOLD_META, '1');

// An application password, so the tests can read held comments through the REST API
// (WordPress allows them over plain http only when WP_ENVIRONMENT_TYPE is 'local').
WP_Application_Passwords::delete_all_application_passwords($admin->ID);
$created = WP_Application_Passwords::create_new_application_password($admin->ID, ['name' => 'news-widgets contract tests']);
if (is_wp_error($created)) fail($created->get_error_message());

$describe = fn (WP_Post $post) => ['id' => $post->ID, 'slug' => $post->post_name, 'title' => $post->post_title];
echo json_encode([
    'url' => $site,
    'wordpress' => get_bloginfo('version'),
    'admin' => ['user' => ADMIN, 'applicationPassword' => $created[0]],
    'author' => AUTHOR_NAME,
    'posts' => [
        'seed' => $describe($seed) + ['category' => 'News', 'date_gmt' => '2022-03-10T10:00:00Z'],
        'image' => $describe($image_post) + ['mediaId' => $media_id, 'alt' => $image_alt, 'tags' => ['Diplomacy', 'Turkey']],
        'closed' => $describe($closed),
        'held' => $describe($held),
    ],
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
