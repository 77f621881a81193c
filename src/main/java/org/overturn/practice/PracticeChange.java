package org.overturn.practice;

import java.util.List;

/** What an administrator enters or changes of a practice; null leaves a field as it is. */
public record PracticeChange(String name, String taxId, String groupNpi, List<String> renderingNpis,
                             Letterhead letterhead, String contactEmail) {
}
