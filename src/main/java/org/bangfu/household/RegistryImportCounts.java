package org.bangfu.household;

/** What one registry import read, refused and merged: the figures its report shows. */
final class RegistryImportCounts {

	long read;

	long rejected;

	long householdsNew;

	long householdsUpdated;

	long members;
}
