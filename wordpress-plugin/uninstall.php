<?php

/**
 * Deleting the plugin deletes its option: nothing of it stays in the database.
 *
 * @package NewsWidgets
 */

if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

delete_option('news_widgets_options');
