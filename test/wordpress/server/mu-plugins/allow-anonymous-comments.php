<?php add_filter('rest_allow_anonymous_comments', '__return_true');
