enum CordonServerPlaceholder {}
