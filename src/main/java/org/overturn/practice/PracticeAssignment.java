package org.overturn.practice;

import java.util.List;

/** Which practices a user works: every practice (those added later too), or the ones listed. */
public record PracticeAssignment(String userId, boolean everyPractice, List<Long> practiceIds) {

    public PracticeAssignment {
        practiceIds = practiceIds == null ? List.of() : List.copyOf(practiceIds);
    }
}
