/**
 * Offline collection by village officers (issue 18, docs/offline.md), the server side: the pack an officer syncs before going out (its households, masked as online, and the category rules), the per-session key its drafts are encrypted with on the phone, and the receipt of a draft sent back online — one need per draft, made through the need and household modules' own actions.
 * Owns offline_submission.
 */
@ApplicationModule(displayName = "fieldwork", allowedDependencies = { "shared", "region", "account", "household", "need" })
package org.bangfu.fieldwork;

import org.springframework.modulith.ApplicationModule;
