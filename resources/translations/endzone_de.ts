<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Endzone::ScoreTray</name>
    <message>
        <source>Show Endzone</source>
        <translation>Endzone zeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Endzone: no favourite is playing</source>
        <translation>Endzone: kein Favorit spielt gerade</translation>
    </message>
    <message>
        <source>Endzone
%1</source>
        <translation>Endzone
%1</translation>
    </message>
</context>
<context>
    <name>GameAlerts</name>
    <message>
        <source>Before kickoff</source>
        <translation>Vor dem Kickoff</translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation>1. Viertel</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation>2. Viertel</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation>3. Viertel</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation>4. Viertel</translation>
    </message>
    <message>
        <source>Halftime</source>
        <translation>Halbzeit</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endstand</translation>
    </message>
    <message>
        <source>Final after overtime</source>
        <translation>Endstand nach Verlängerung</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>period and game clock</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2, %3 %4</source>
        <comment>visitor, its score, home, its score</comment>
        <translation>%1 %2, %3 %4</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>score line and period</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Kickoff: %1 at %2</source>
        <translation>Kickoff: %1 bei %2</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <comment>team name and the points it just scored</comment>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>Lead change: %1 lead</source>
        <translation>Führungswechsel: %1 führen</translation>
    </message>
    <message>
        <source>Final after overtime: tie</source>
        <translation>Endstand nach Verlängerung: unentschieden</translation>
    </message>
    <message>
        <source>Final: tie</source>
        <translation>Endstand: unentschieden</translation>
    </message>
    <message>
        <source>Final after overtime: %1 win</source>
        <translation>Endstand nach Verlängerung: %1 gewinnen</translation>
    </message>
    <message>
        <source>Final: %1 win</source>
        <translation>Endstand: %1 gewinnen</translation>
    </message>
</context>
<context>
    <name>GameCard</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished">%1 %2, %2 {1,?}</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RED ZONE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preseason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postseason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>LIVE &amp; TODAY</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Scoreboard</source>
        <translation>Spielstände</translation>
    </message>
    <message>
        <source>Standings</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Switch theme</source>
        <translation>Farbschema wechseln</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
</context>
<context>
    <name>NotificationSettings</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications for favourite teams</source>
        <translation>Benachrichtigungen für Lieblingsteams</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <source>Mark a team as a favourite to get notifications for its games.</source>
        <translation>Markiere ein Team als Favorit, um über seine Spiele benachrichtigt zu werden.</translation>
    </message>
    <message>
        <source>Notifications for %1</source>
        <translation>Benachrichtigungen für %1</translation>
    </message>
</context>
<context>
    <name>ScoreRow</name>
    <message>
        <source>%1%</source>
        <extracomment>a team&apos;s chance to win, as a percentage</extracomment>
        <translation type="unfinished">%1%</translation>
    </message>
</context>
<context>
    <name>ScoreboardPage</name>
    <message>
        <source>On bye: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No games stored for this week yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Team: KC, Green Bay, Pats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StandingsPage</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Season</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekNavigator</name>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n live</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preseason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular Season</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postseason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
