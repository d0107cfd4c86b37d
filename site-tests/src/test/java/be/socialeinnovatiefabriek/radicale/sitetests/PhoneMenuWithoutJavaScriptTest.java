package be.socialeinnovatiefabriek.radicale.sitetests;

/** The main menu with JavaScript turned off: the disclosure needs no script, on a phone or a desktop. */
class PhoneMenuWithoutJavaScriptTest extends PhoneMenu {

    PhoneMenuWithoutJavaScriptTest() {
        super(Browser.withoutJavaScript());
    }
}
