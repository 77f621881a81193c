/**
 * The monthly client report of each practice: its denials, recoveries, write-offs, open dollars by age, top root
 * causes and payers, appeals won and lost and appeal deadlines, as a PDF (the letters' renderer) and an Excel workbook
 * (the dashboard's writer); on demand for managers and admins of the practice, and emailed to the practice's contact
 * from the first of each month through an outbox any node may send from.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"dashboard", "letters", "practice", "security"})
package org.overturn.report;
