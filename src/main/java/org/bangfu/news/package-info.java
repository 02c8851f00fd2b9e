/**
 * News and stories of help given (issue 17): written and published by a county's media administrator (媒体管理员), a
 * story about a household only with the household's consent, shown on the home page and on the region's pages.
 * Owns news_story.
 */
@ApplicationModule(displayName = "news", allowedDependencies = { "shared", "region", "account", "household", "notify" })
package org.bangfu.news;

import org.springframework.modulith.ApplicationModule;
