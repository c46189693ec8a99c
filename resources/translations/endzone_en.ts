<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Endzone::GameDetailController</name>
    <message numerus="yes">
        <source>The plays follow your spoiler delay: they appear %n second(s) after they arrive.</source>
        <translation>
            <numerusform>The plays follow your spoiler delay: they appear %n second after they arrive.</numerusform>
            <numerusform>The plays follow your spoiler delay: they appear %n seconds after they arrive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GamePage</name>
    <message numerus="yes">
        <source>%n play(s)</source>
        <translation>
            <numerusform>%n play</numerusform>
            <numerusform>%n plays</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekNavigator</name>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n live</numerusform>
            <numerusform>%n live</numerusform>
        </translation>
    </message>
</context>
</TS>
